package org.polyproto.jakarta.spi.storage.memory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.ChallengeStore;

/** A {@link ChallengeStore} in a map, for tests: thread-safe, not transactional (nothing is rolled back). */
public class InMemoryChallengeStore implements ChallengeStore {

    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();

    @Override
    public void save(Challenge challenge) {
        challenges.put(challenge.value(), challenge);
    }

    @Override
    public Optional<Challenge> find(String value) {
        return Optional.ofNullable(challenges.get(value));
    }

    @Override
    public Optional<Challenge> consume(String value) {
        return Optional.ofNullable(challenges.remove(value));
    }

    @Override
    public int purgeExpired(Instant now) {
        int removed = 0;
        for (Challenge challenge : challenges.values()) {
            if (challenge.expiresAt().isBefore(now) && challenges.remove(challenge.value(), challenge)) {
                removed++;
            }
        }
        return removed;
    }

    /** How many challenges are stored, for tests that check what a request left behind. */
    public int size() {
        return challenges.size();
    }
}
