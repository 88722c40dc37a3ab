package org.polyproto.jakarta.spi.storage.memory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.ChallengeStore;

/** A {@link ChallengeStore} in a map, for tests: thread-safe, each call atomic, not transactional. */
public class InMemoryChallengeStore implements ChallengeStore {

    private final Map<String, Instant> used = new HashMap<>();

    @Override
    public synchronized boolean use(Challenge challenge) {
        return used.putIfAbsent(challenge.value(), challenge.expiresAt()) == null;
    }

    @Override
    public synchronized int purgeExpired(Instant now) {
        int before = used.size();
        used.values().removeIf(expiresAt -> expiresAt.isBefore(now));
        return before - used.size();
    }

    /** Whether a use of {@code value} is recorded. */
    public synchronized boolean isUsed(String value) {
        return used.containsKey(value);
    }

    /** How many uses are recorded. */
    public synchronized int size() {
        return used.size();
    }
}
