package org.polyproto.jakarta.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.ChallengeStore;

/**
 * The contract of {@link ChallengeStore}: {@code use} is true once per challenge (of 16 concurrent users of one
 * challenge, each in its own transaction, exactly one gets true, the module's retry on a conflict included), and
 * {@code purgeExpired} forgets the uses of challenges that expired before the instant it is given.
 * <p>
 * To run it on your store: subclass it, return a new, empty store from {@link #createStore()}, and override
 * {@link #inTransaction(java.util.function.Supplier)} to run each call in a transaction of its own (see
 * {@link StoreContract}). Scoping to a server domain is not tested here: it is not visible through the SPI.
 */
public abstract class ChallengeStoreContract extends StoreContract<ChallengeStore> {

    protected static final Instant T = Instant.ofEpochSecond(1_800_000_000L);

    /** A 64-character challenge string, distinct for each {@code i}. */
    protected static Challenge challenge(int i, Instant expiresAt) {
        return new Challenge(String.format("C%063d", i), expiresAt);
    }

    private boolean use(Challenge challenge) {
        return inRetriedTransaction(() -> store.use(challenge));
    }

    @Test
    public void aChallengeIsUsedOnce() {
        Challenge first = challenge(1, T.plusSeconds(300));

        assertTrue(use(first));
        assertFalse(use(first), "used before");
        assertFalse(use(new Challenge(first.value(), T.plusSeconds(900))), "the value decides, not the expiry");
        assertTrue(use(challenge(2, T.plusSeconds(300))), "another challenge");
    }

    @Test
    public void exactlyOneOfConcurrentUsersGetsTheChallenge() {
        Challenge challenge = challenge(1, T.plusSeconds(300));

        List<Boolean> got = Concurrently.values(Concurrently.run(Concurrently.THREADS, i -> use(challenge)));

        assertEquals(1, got.stream().filter(Boolean::booleanValue).count(), "users that got it: " + got);
    }

    @Test
    public void concurrentUsersOfDifferentChallengesEachGetTheirs() {
        List<Boolean> got = Concurrently.values(Concurrently.run(Concurrently.THREADS,
                i -> use(challenge(i, T.plusSeconds(300)))));

        assertEquals(Concurrently.THREADS, got.stream().filter(Boolean::booleanValue).count());
    }

    @Test
    public void purgeExpiredForgetsOnlyUsesOfChallengesThatExpiredBeforeNow() {
        use(challenge(1, T.minusSeconds(3600)));
        use(challenge(2, T.minusSeconds(1)));
        use(challenge(3, T));
        use(challenge(4, T.plusSeconds(300)));

        assertEquals(2, inTransaction(() -> store.purgeExpired(T)));
        assertFalse(use(challenge(3, T)), "expiring at now is not expired before now");
        assertFalse(use(challenge(4, T.plusSeconds(300))));
        assertEquals(0, inTransaction(() -> store.purgeExpired(T)), "nothing left to purge");
        assertEquals(1, inTransaction(() -> store.purgeExpired(T.plusSeconds(1))));
    }
}
