package org.polyproto.jakarta.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.LoginFailureStore;

/**
 * The contract of {@link LoginFailureStore}: attempts are counted from 1 per actor, a locked actor is not counted,
 * a success or old age forgets, and counting is atomic: 16 concurrent attempts get 16 different numbers, and when
 * each attempt that reaches 4 locks the actor in its own transaction, exactly 4 attempts are counted.
 * <p>
 * To run it on your store: subclass it, return a new, empty store from {@link #createStore()}, and override
 * {@link #inTransaction(java.util.function.Supplier)} to run each call in a transaction of its own (see
 * {@link StoreContract}).
 */
public abstract class LoginFailureStoreContract extends StoreContract<LoginFailureStore> {

    protected static final Instant T = Instant.ofEpochSecond(1_800_000_000L);
    protected static final FederationId ALICE = FederationId.parse("alice@example.com");
    protected static final FederationId BOB = FederationId.parse("bob@example.com");

    private OptionalInt count(FederationId fid, Instant now) {
        return inRetriedTransaction(() -> store.count(fid, now, T.minusSeconds(3600)));
    }

    @Test
    public void attemptsAreCountedFromOnePerActor() {
        assertEquals(OptionalInt.of(1), count(ALICE, T));
        assertEquals(OptionalInt.of(2), count(ALICE, T.plusSeconds(1)));
        assertEquals(OptionalInt.of(1), count(BOB, T.plusSeconds(2)));
        assertEquals(OptionalInt.of(3), count(ALICE, T.plusSeconds(3)));
    }

    @Test
    public void aLockedActorIsNotCountedUntilItsLockEnds() {
        count(ALICE, T);
        inTransaction(() -> store.lock(ALICE, T.plusSeconds(60)));

        assertEquals(OptionalInt.empty(), count(ALICE, T.plusSeconds(10)));
        assertEquals(OptionalInt.empty(), count(ALICE, T.plusSeconds(59)));
        assertEquals(OptionalInt.of(2), count(ALICE, T.plusSeconds(60)), "the refused attempts were not counted");
        assertEquals(OptionalInt.of(1), count(BOB, T.plusSeconds(10)), "another actor is not locked");
    }

    @Test
    public void isLockedTellsTheLockAndStoresNothing() {
        assertFalse(inTransaction(() -> store.isLocked(ALICE, T)), "no record");
        count(ALICE, T);
        inTransaction(() -> store.lock(ALICE, T.plusSeconds(60)));

        assertTrue(inTransaction(() -> store.isLocked(ALICE, T.plusSeconds(59))));
        assertFalse(inTransaction(() -> store.isLocked(ALICE, T.plusSeconds(60))));
        assertFalse(inTransaction(() -> store.isLocked(BOB, T.plusSeconds(10))));
        assertEquals(1, (int) inTransaction(() -> store.purge(T.plusSeconds(100), T.plusSeconds(100))),
                "asking about bob stored no record for him");
    }

    @Test
    public void clearForgetsTheAttemptsAndTheLock() {
        count(ALICE, T);
        count(ALICE, T);
        inTransaction(() -> store.lock(ALICE, T.plusSeconds(60)));
        inTransaction(() -> store.clear(ALICE));

        assertEquals(OptionalInt.of(1), count(ALICE, T.plusSeconds(1)));
    }

    @Test
    public void attemptsBeforeForgetBeforeAreForgotten() {
        count(ALICE, T);
        count(ALICE, T);

        assertEquals(OptionalInt.of(1), inRetriedTransaction(() -> store.count(ALICE, T.plusSeconds(100),
                T.plusSeconds(50))));
    }

    @Test
    public void purgeRemovesOldRecordsWhoseLockHasEnded() {
        count(ALICE, T);
        count(BOB, T.plusSeconds(100));
        inTransaction(() -> store.lock(BOB, T.plusSeconds(1000)));

        assertEquals(1, (int) inTransaction(() -> store.purge(T.plusSeconds(200), T.plusSeconds(200))));
        assertEquals(OptionalInt.of(1), count(ALICE, T.plusSeconds(300)), "alice's record is gone");
        assertEquals(OptionalInt.empty(), count(BOB, T.plusSeconds(300)), "bob's lock is kept");
    }

    @Test
    public void concurrentAttemptsAreEachCountedOnce() {
        List<Concurrently.Outcome<OptionalInt>> outcomes = Concurrently.run(Concurrently.THREADS,
                i -> count(ALICE, T));

        Set<Integer> numbers = outcomes.stream().map(o -> o.get().orElseThrow()).collect(
                Collectors.toCollection(TreeSet::new));
        assertEquals(IntStream.rangeClosed(1, Concurrently.THREADS).boxed().collect(Collectors.toSet()), numbers);
    }

    @Test
    public void concurrentAttemptsSeeTheLockTheOnesBeforeThemSet() {
        List<Concurrently.Outcome<OptionalInt>> outcomes = Concurrently.run(Concurrently.THREADS,
                i -> inRetriedTransaction(() -> {
                    OptionalInt attempt = store.count(ALICE, T, T.minusSeconds(3600));
                    if (attempt.isPresent() && attempt.getAsInt() >= 4) {
                        store.lock(ALICE, T.plusSeconds(60));
                    }
                    return attempt;
                }));

        List<Integer> counted = outcomes.stream().map(Concurrently.Outcome::get).filter(OptionalInt::isPresent)
                .map(OptionalInt::getAsInt).sorted().toList();
        assertEquals(List.of(1, 2, 3, 4), counted);
    }
}
