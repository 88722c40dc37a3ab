package org.polyproto.jakarta.spi.storage.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.CompletedKeyTrial;
import org.polyproto.jakarta.spi.storage.KeyTrialStore;

/** A {@link KeyTrialStore} in lists, for tests: thread-safe, each call atomic, not transactional. */
public class InMemoryKeyTrialStore implements KeyTrialStore {

    private static final Comparator<CompletedKeyTrial> NEWEST_FIRST = Comparator
            .comparing(CompletedKeyTrial::completedAt).thenComparing(CompletedKeyTrial::trial).reversed();

    private final Map<FederationId, List<CompletedKeyTrial>> byActor = new HashMap<>();

    @Override
    public synchronized void add(FederationId fid, CompletedKeyTrial completed) {
        byActor.computeIfAbsent(fid, k -> new ArrayList<>()).add(completed);
    }

    @Override
    public synchronized List<CompletedKeyTrial> find(FederationId fid, Optional<String> trial, Instant expiredBefore,
                                                     Instant from, Instant to, int limit) {
        return byActor.getOrDefault(fid, List.of()).stream()
                .filter(c -> c.expires().isBefore(expiredBefore) && !c.completedAt().isBefore(from)
                        && !c.completedAt().isAfter(to) && trial.map(c.trial()::equals).orElse(true))
                .sorted(NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public synchronized int trim(FederationId fid, int keep) {
        List<CompletedKeyTrial> held = byActor.getOrDefault(fid, new ArrayList<>());
        List<CompletedKeyTrial> kept = held.stream().sorted(NEWEST_FIRST).limit(keep).toList();
        int removed = held.size() - kept.size();
        held.retainAll(kept);
        return removed;
    }
}
