package org.polyproto.jakarta.spi.storage.memory;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polyproto.jakarta.spi.storage.ClaimedKeyPackage;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.KeyPackageStore;

/**
 * A {@link KeyPackageStore} in maps, for tests: regular packages are handed out oldest first; a package equal to
 * the client's last-resort one counts as held. Thread-safe, each call atomic, not transactional (nothing is rolled
 * back).
 */
public class InMemoryKeyPackageStore implements KeyPackageStore {

    private static final class Packages {
        final Set<String> regular = new LinkedHashSet<>();
        String lastResort;
    }

    private final Map<ClientId, Packages> clients = new HashMap<>();

    @Override
    public synchronized int add(ClientId client, List<String> keyPackages) {
        Packages packages = clients.computeIfAbsent(client, c -> new Packages());
        int added = 0;
        for (String keyPackage : keyPackages) {
            if (!keyPackage.equals(packages.lastResort) && packages.regular.add(keyPackage)) {
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
    public synchronized void putLastResort(ClientId client, String keyPackage) {
        Packages packages = clients.computeIfAbsent(client, c -> new Packages());
        packages.regular.remove(keyPackage);
        packages.lastResort = keyPackage;
    }

    @Override
    public synchronized Optional<ClaimedKeyPackage> claim(ClientId client) {
        Packages packages = clients.get(client);
        if (packages == null) {
            return Optional.empty();
        }
        Iterator<String> oldest = packages.regular.iterator();
        if (oldest.hasNext()) {
            String keyPackage = oldest.next();
            oldest.remove();
            return Optional.of(new ClaimedKeyPackage(keyPackage, false, packages.regular.size()));
        }
        return Optional.ofNullable(packages.lastResort).map(lr -> new ClaimedKeyPackage(lr, true, 0));
    }

    @Override
    public synchronized void removeAll(ClientId client) {
        clients.remove(client);
    }
}
