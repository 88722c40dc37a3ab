package org.polyproto.jakarta.spi.storage.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.DiscoverableService;
import org.polyproto.jakarta.spi.storage.ServiceStore;

/** A {@link ServiceStore} in lists, for tests: thread-safe, each call atomic, not transactional. */
public class InMemoryServiceStore implements ServiceStore {

    private final Map<FederationId, List<DiscoverableService>> byActor = new HashMap<>();

    @Override
    public synchronized List<DiscoverableService> find(FederationId fid) {
        return byActor.getOrDefault(fid, List.of()).stream().sorted(Comparator.comparing(DiscoverableService::name)
                .thenComparing(s -> !s.primary())).toList();
    }

    @Override
    public synchronized boolean add(FederationId fid, DiscoverableService service) {
        List<DiscoverableService> listed = byActor.computeIfAbsent(fid, k -> new ArrayList<>());
        if (listed.stream().anyMatch(s -> s.is(service.name(), service.url()))) {
            return false;
        }
        return listed.add(service);
    }

    @Override
    public synchronized boolean remove(FederationId fid, String name, String url) {
        return byActor.getOrDefault(fid, new ArrayList<>()).removeIf(s -> s.is(name, url));
    }

    @Override
    public synchronized boolean setPrimary(FederationId fid, String name, String url, boolean primary) {
        List<DiscoverableService> listed = byActor.getOrDefault(fid, new ArrayList<>());
        for (int i = 0; i < listed.size(); i++) {
            if (listed.get(i).is(name, url)) {
                listed.set(i, listed.get(i).withPrimary(primary));
                return true;
            }
        }
        return false;
    }
}
