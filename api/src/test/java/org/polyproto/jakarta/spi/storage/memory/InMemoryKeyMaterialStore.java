package org.polyproto.jakarta.spi.storage.memory;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.EncryptedKeyMaterial;
import org.polyproto.jakarta.spi.storage.KeyMaterialStore;

/** A {@link KeyMaterialStore} in maps, for tests: thread-safe, each call atomic, not transactional. */
public class InMemoryKeyMaterialStore implements KeyMaterialStore {

    private final Map<FederationId, TreeMap<BigInteger, String>> byActor = new HashMap<>();

    @Override
    public synchronized boolean add(FederationId fid, EncryptedKeyMaterial material) {
        return byActor.computeIfAbsent(fid, k -> new TreeMap<>()).putIfAbsent(material.serial(),
                material.keyData()) == null;
    }

    @Override
    public synchronized long size(FederationId fid) {
        return byActor.getOrDefault(fid, new TreeMap<>()).values().stream().mapToLong(String::length).sum();
    }

    @Override
    public synchronized List<EncryptedKeyMaterial> find(FederationId fid, Set<BigInteger> serials) {
        return byActor.getOrDefault(fid, new TreeMap<>()).entrySet().stream()
                .filter(e -> serials.isEmpty() || serials.contains(e.getKey()))
                .map(e -> new EncryptedKeyMaterial(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized int remove(FederationId fid, Set<BigInteger> serials) {
        TreeMap<BigInteger, String> held = byActor.getOrDefault(fid, new TreeMap<>());
        int before = held.size();
        held.keySet().removeAll(serials);
        return before - held.size();
    }
}
