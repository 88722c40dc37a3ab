package org.polyproto.jakarta.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.CompletedKeyTrial;
import org.polyproto.jakarta.spi.storage.KeyTrialStore;

/**
 * The contract of {@link KeyTrialStore}: completions per actor, found only once their trial expired, within a
 * completion-time range and by trial string, newest first; trimming keeps the newest. To run it on your store, see
 * {@link StoreContract}.
 */
public abstract class KeyTrialStoreContract extends StoreContract<KeyTrialStore> {

    protected static final Instant T = Instant.ofEpochSecond(1_800_000_000L);
    protected static final FederationId ALICE = FederationId.parse("alice@example.com");
    protected static final FederationId BOB = FederationId.parse("bob@example.com");
    /** 2^159 + 3: a 20-octet serial, as polyproto allows. */
    protected static final BigInteger LARGE = BigInteger.TWO.pow(159).add(BigInteger.valueOf(3));

    protected static CompletedKeyTrial completed(String trial, long completedAfterT) {
        byte[] signature = new byte[64];
        signature[0] = (byte) completedAfterT;
        return new CompletedKeyTrial(trial, T.plusSeconds(completedAfterT + 300), signature, LARGE,
                T.plusSeconds(completedAfterT));
    }

    private void add(FederationId fid, CompletedKeyTrial completed) {
        inTransaction(() -> store.add(fid, completed));
    }

    private List<CompletedKeyTrial> find(FederationId fid, Optional<String> trial, Instant expiredBefore,
                                         Instant from, Instant to, int limit) {
        return inTransaction(() -> store.find(fid, trial, expiredBefore, from, to, limit));
    }

    @Test
    public void completionsAreFoundOnlyOnceTheirTrialExpiredNewestFirst() {
        CompletedKeyTrial first = completed("a".repeat(32), 0);
        CompletedKeyTrial second = completed("b".repeat(256), 10);
        add(ALICE, first);
        add(ALICE, second);
        add(BOB, completed("c".repeat(32), 5));

        assertEquals(List.of(), find(ALICE, Optional.empty(), T.plusSeconds(300), T, T.plusSeconds(1000), 10),
                "the first trial expires at T+300, not before");
        assertEquals(List.of(first), find(ALICE, Optional.empty(), T.plusSeconds(301), T, T.plusSeconds(1000), 10));
        assertEquals(List.of(second, first), find(ALICE, Optional.empty(), T.plusSeconds(400), T,
                T.plusSeconds(1000), 10));
        assertEquals(List.of(second), find(ALICE, Optional.empty(), T.plusSeconds(400), T, T.plusSeconds(1000), 1));
    }

    @Test
    public void completionsAreFilteredByTimeBothBoundsIncludedAndByTrial() {
        CompletedKeyTrial first = completed("a".repeat(32), 0);
        CompletedKeyTrial second = completed("b".repeat(32), 10);
        CompletedKeyTrial third = completed("c".repeat(32), 20);
        add(ALICE, first);
        add(ALICE, second);
        add(ALICE, third);
        Instant late = T.plusSeconds(1000);

        assertEquals(List.of(third, second), find(ALICE, Optional.empty(), late, T.plusSeconds(10),
                T.plusSeconds(20), 10));
        assertEquals(List.of(second), find(ALICE, Optional.of("b".repeat(32)), late, T, late, 10));
        assertEquals(List.of(), find(ALICE, Optional.of("d".repeat(32)), late, T, late, 10));
        assertEquals(List.of(), find(BOB, Optional.empty(), late, T, late, 10));
    }

    @Test
    public void trimKeepsTheNewest() {
        for (int i = 0; i < 5; i++) {
            add(ALICE, completed(Character.toString('a' + i).repeat(32), i));
        }
        add(BOB, completed("z".repeat(32), 0));

        assertEquals(3, (int) inTransaction(() -> store.trim(ALICE, 2)));
        Instant late = T.plusSeconds(1000);
        assertEquals(List.of(completed("e".repeat(32), 4), completed("d".repeat(32), 3)),
                find(ALICE, Optional.empty(), late, T, late, 10));
        assertEquals(1, find(BOB, Optional.empty(), late, T, late, 10).size(), "another actor's are kept");
        assertEquals(0, (int) inTransaction(() -> store.trim(ALICE, 2)));
    }
}
