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
        boolean lastResortHandedOut;
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
        if (packages.lastResort != null && !packages.lastResortHandedOut
                && !packages.lastResort.initKeyHash().equals(keyPackage.initKeyHash())) {
            initKeys.remove(packages.lastResort.initKeyHash());
        }
        packages.lastResort = keyPackage;
        packages.lastResortHandedOut = false;
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
        if (packages.lastResort == null || !now.isBefore(packages.lastResort.expiresAt())) {
            return Optional.empty();
        }
        packages.lastResortHandedOut = true;
        return Optional.of(new ClaimedKeyPackage(packages.lastResort.keyPackage(), true, 0));
    }

    @Override
    public synchronized boolean recordInitKey(String initKeyHash, Instant forgetAfter) {
        return initKeys.putIfAbsent(initKeyHash, forgetAfter) == null;
    }

    @Override
    public synchronized void removeAll(ClientId client) {
        Packages removed = clients.remove(client);
        if (removed != null) {
            removed.regular.keySet().forEach(initKeys::remove);
            if (removed.lastResort != null && !removed.lastResortHandedOut) {
                initKeys.remove(removed.lastResort.initKeyHash());
            }
        }
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
                packages.lastResortHandedOut = false;
                removed++;
            }
        }
        return removed;
    }
}
