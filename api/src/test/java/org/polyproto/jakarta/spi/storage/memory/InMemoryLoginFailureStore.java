package org.polyproto.jakarta.spi.storage.memory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.LoginFailureStore;

/**
 * A {@link LoginFailureStore} in a map, for tests: thread-safe, each call atomic, not transactional (a count and the
 * lock after it are two steps; concurrent attempts of one actor may both pass the count before either locks).
 */
public class InMemoryLoginFailureStore implements LoginFailureStore {

    private record Attempts(int count, Instant last, Instant lockedUntil) {
    }

    private final Map<FederationId, Attempts> byActor = new HashMap<>();

    @Override
    public synchronized OptionalInt count(FederationId fid, Instant now, Instant forgetBefore) {
        Attempts before = byActor.get(fid);
        if (before != null && now.isBefore(before.lockedUntil())) {
            return OptionalInt.empty();
        }
        int count = before == null || before.last().isBefore(forgetBefore) ? 1 : before.count() + 1;
        byActor.put(fid, new Attempts(count, now, before == null ? Instant.EPOCH : before.lockedUntil()));
        return OptionalInt.of(count);
    }

    @Override
    public synchronized boolean isLocked(FederationId fid, Instant now) {
        Attempts attempts = byActor.get(fid);
        return attempts != null && now.isBefore(attempts.lockedUntil());
    }

    @Override
    public synchronized void lock(FederationId fid, Instant until) {
        byActor.computeIfPresent(fid, (k, a) -> new Attempts(a.count(), a.last(), until));
    }

    @Override
    public synchronized void clear(FederationId fid) {
        byActor.remove(fid);
    }

    @Override
    public synchronized int purge(Instant before, Instant now) {
        int size = byActor.size();
        byActor.values().removeIf(a -> a.last().isBefore(before) && !now.isBefore(a.lockedUntil()));
        return size - byActor.size();
    }
}
