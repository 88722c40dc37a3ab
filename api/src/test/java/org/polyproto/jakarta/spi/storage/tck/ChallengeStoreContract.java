package org.polyproto.jakarta.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.ChallengeStore;

/**
 * The contract of {@link ChallengeStore}: {@code find} reads without removing, {@code consume} removes atomically
 * (of 16 concurrent consumers of one challenge, each in its own transaction, exactly one receives it) and returns
 * expired challenges too, {@code purgeExpired} removes what expired before the instant it is given.
 * <p>
 * To run it on your store: subclass it, return a new, empty store from {@link #createStore()}, and override
 * {@link #inTransaction(java.util.function.Supplier)} to run each call in a transaction of its own (see
 * {@link StoreContract}). Scoping to a server domain is not tested here: it is not visible through the SPI.
 */
public abstract class ChallengeStoreContract extends StoreContract<ChallengeStore> {

    protected static final Instant T = Instant.ofEpochSecond(1_800_000_000L);

    /** A 64-character challenge string, distinct for each {@code i}. */
    protected static String value(int i) {
        return String.format("challenge-%054d", i);
    }

    private Challenge saved(int i, Instant expiresAt) {
        Challenge challenge = new Challenge(value(i), expiresAt);
        inTransaction(() -> store.save(challenge));
        return challenge;
    }

    private Optional<Challenge> find(int i) {
        return inTransaction(() -> store.find(value(i)));
    }

    private Optional<Challenge> consume(int i) {
        return inTransaction(() -> store.consume(value(i)));
    }

    @Test
    public void findReturnsASavedChallengeWithoutRemovingIt() {
        Challenge challenge = saved(1, T.plusSeconds(300));

        assertEquals(Optional.of(challenge), find(1));
        assertEquals(Optional.of(challenge), find(1), "find does not remove");
        assertEquals(Optional.of(challenge), consume(1), "still there to consume");
    }

    @Test
    public void anUnknownChallengeIsNeitherFoundNorConsumed() {
        saved(1, T.plusSeconds(300));

        assertEquals(Optional.empty(), find(2));
        assertEquals(Optional.empty(), consume(2));
        assertTrue(find(1).isPresent(), "another challenge is untouched");
    }

    @Test
    public void consumeReturnsTheChallengeOnceAndRemovesIt() {
        Challenge challenge = saved(1, T.plusSeconds(300));
        Challenge other = saved(2, T.plusSeconds(300));

        assertEquals(Optional.of(challenge), consume(1));
        assertEquals(Optional.empty(), find(1));
        assertEquals(Optional.empty(), consume(1), "a consumed challenge is gone");
        assertEquals(Optional.of(other), find(2), "only that challenge is removed");
    }

    @Test
    public void consumeRemovesAndReturnsAnExpiredChallengeToo() {
        Challenge expired = saved(1, Instant.ofEpochSecond(1_000_000_000L));

        assertEquals(Optional.of(expired), consume(1), "the caller decides about expiry");
        assertEquals(Optional.empty(), find(1));
    }

    @Test
    public void exactlyOneOfConcurrentConsumersReceivesTheChallenge() {
        Challenge challenge = saved(1, T.plusSeconds(300));

        List<Optional<Challenge>> received = Concurrently.values(
                Concurrently.run(Concurrently.THREADS, i -> consume(1)));

        assertEquals(1, received.stream().filter(Optional::isPresent).count(), "consumers that received it");
        assertTrue(received.contains(Optional.of(challenge)));
        assertEquals(Optional.empty(), find(1));
    }

    @Test
    public void concurrentConsumersOfDifferentChallengesEachReceiveTheirs() {
        for (int i = 0; i < Concurrently.THREADS; i++) {
            saved(i, T.plusSeconds(300));
        }

        List<Optional<Challenge>> received = Concurrently.values(
                Concurrently.run(Concurrently.THREADS, this::consume));

        for (int i = 0; i < Concurrently.THREADS; i++) {
            assertEquals(Optional.of(value(i)), received.get(i).map(Challenge::value));
        }
    }

    @Test
    public void purgeExpiredRemovesOnlyChallengesThatExpiredBeforeNow() {
        saved(1, T.minusSeconds(3600));
        saved(2, T.minusSeconds(1));
        Challenge atNow = saved(3, T);
        Challenge live = saved(4, T.plusSeconds(300));

        assertEquals(2, inTransaction(() -> store.purgeExpired(T)));

        assertEquals(Optional.empty(), find(1));
        assertEquals(Optional.empty(), find(2));
        assertEquals(Optional.of(atNow), find(3), "expiring at now is not expired before now");
        assertEquals(Optional.of(live), find(4));
        assertEquals(0, inTransaction(() -> store.purgeExpired(T)), "nothing left to purge");
        assertEquals(1, inTransaction(() -> store.purgeExpired(T.plusSeconds(1))));
    }
}
