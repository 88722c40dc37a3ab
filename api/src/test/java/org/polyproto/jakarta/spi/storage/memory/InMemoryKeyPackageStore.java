package org.polyproto.jakarta.spi.storage.memory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyproto.jakarta.spi.storage.ClaimedKeyPackage;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.KeyPackageStore;
import org.polyproto.jakarta.spi.storage.StoredKeyPackage;

/**
 * A {@link KeyPackageStore} in maps, for tests: regular packages are handed out oldest first, keyed by init-key
 * hash. Thread-safe, each call atomic, not transactional (nothing is rolled back).
 */
public class InMemoryKeyPackageStore implements KeyPackageStore {

    private static final class Packages {
        final Map<String, StoredKeyPackage> regular = new LinkedHashMap<>();
        StoredKeyPackage lastResort;
    }

    private final Map<ClientId, Packages> clients = new HashMap<>();
    private final Map<String, Instant> initKeys = new HashMap<>();

    @Override
    public synchronized int add(ClientId client, List<StoredKeyPackage> keyPackages) {
        Packages packages = clients.computeIfAbsent(client, c -> new Packages());
        int added = 0;
        for (StoredKeyPackage keyPackage : keyPackages) {
            if (packages.regular.putIfAbsent(keyPackage.initKeyHash(), keyPackage) == null) {
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized int countRegular(ClientId client) {
        Packages packages = clients.get(client);
        return packages == null ? 0 : packages.regular.size();
    }

    @Override
    public synchronized void putLastResort(ClientId client, StoredKeyPackage keyPackage) {
        Packages packages = clients.computeIfAbsent(client, c -> new Packages());
        packages.regular.remove(keyPackage.initKeyHash());
        packages.lastResort = keyPackage;
    }

    @Override
    public synchronized Optional<ClaimedKeyPackage> claim(ClientId client, Instant now) {
        Packages packages = clients.get(client);
        if (packages == null) {
            return Optional.empty();
        }
        for (Iterator<StoredKeyPackage> oldest = packages.regular.values().iterator(); oldest.hasNext(); ) {
            StoredKeyPackage keyPackage = oldest.next();
            if (now.isBefore(keyPackage.expiresAt())) {
                oldest.remove();
                return Optional.of(new ClaimedKeyPackage(keyPackage.keyPackage(), false,
                        (int) packages.regular.values().stream().filter(p -> now.isBefore(p.expiresAt())).count()));
            }
        }
        return Optional.ofNullable(packages.lastResort).filter(lr -> now.isBefore(lr.expiresAt()))
                .map(lr -> new ClaimedKeyPackage(lr.keyPackage(), true, 0));
    }

    @Override
    public synchronized boolean recordInitKey(String initKeyHash, Instant forgetAfter) {
        return initKeys.putIfAbsent(initKeyHash, forgetAfter) == null;
    }

    @Override
    public synchronized void removeAll(ClientId client) {
        clients.remove(client);
    }

    @Override
    public synchronized int purgeExpired(Instant now) {
        int before = initKeys.size();
        initKeys.values().removeIf(forgetAfter -> forgetAfter.isBefore(now));
        int removed = before - initKeys.size();
        for (Packages packages : clients.values()) {
            int held = packages.regular.size();
            packages.regular.values().removeIf(p -> p.expiresAt().isBefore(now));
            removed += held - packages.regular.size();
            if (packages.lastResort != null && packages.lastResort.expiresAt().isBefore(now)) {
                packages.lastResort = null;
                removed++;
            }
        }
        return removed;
    }
}
