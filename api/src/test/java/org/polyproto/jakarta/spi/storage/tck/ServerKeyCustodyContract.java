package org.polyproto.jakarta.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.spi.ServerKey;
import org.polyproto.jakarta.spi.ServerKeyCustody;
import org.polyproto.jakarta.spi.ServerSigningKey;

/**
 * The contract of {@link ServerKeyCustody}: the first key is stored once, whichever caller comes first; a rotation
 * retires the key in force and adds the next one in one step, or stores nothing when the key in force is no longer
 * the one it rotates away from (exactly one of concurrent rotations wins); the history lists every generation oldest
 * first, with its retirement; {@code inForce} answers for exactly the key in force; serials of 20 octets come back
 * exactly.
 * <p>
 * To run it on your custody: subclass it, return from {@link #createStore()} a custody that holds no key yet, make
 * keys in {@link #signingKey(BigInteger)} that your custody accepts (one that checks a private key against its
 * certificate needs a real pair), and override {@link #inTransaction(java.util.function.Supplier)} (see
 * {@link StoreContract}). The kit calls {@code current}, {@code history}, {@code inForce} and {@code rotate} in a
 * transaction, as the module does, and {@code initialize} outside any.
 */
public abstract class ServerKeyCustodyContract extends StoreContract<ServerKeyCustody> {

    protected static final Instant T = Instant.ofEpochSecond(1_800_000_000L);
    private static final BigInteger FIRST = SessionStoreContract.LARGE_SERIALS.get(1);
    private static final BigInteger SECOND = SessionStoreContract.LARGE_SERIALS.get(2);

    /** A server key with {@code serial}, its certificate and private key as a rotation would make them. */
    protected abstract ServerSigningKey signingKey(BigInteger serial);

    private Optional<ServerSigningKey> current() {
        return inTransaction(() -> store.current());
    }

    private List<ServerKey> history() {
        return inTransaction(() -> store.history());
    }

    private boolean inForce(BigInteger serial) {
        return inTransaction(() -> store.inForce(serial));
    }

    private boolean rotate(ServerSigningKey next, BigInteger from) {
        return inRetriedTransaction(() -> store.rotate(next, from, T));
    }

    private static void assertSameKey(ServerSigningKey expected, ServerSigningKey actual) {
        assertEquals(expected.key(), actual.key());
        assertArrayEquals(expected.privateKeySeed(), actual.privateKeySeed());
    }

    @Test
    public void withoutAKeyNothingIsInForceAndNothingRotates() {
        assertEquals(Optional.empty(), current());
        assertEquals(List.of(), history());
        assertFalse(inForce(FIRST));
        assertFalse(rotate(signingKey(SECOND), FIRST));
        assertEquals(List.of(), history(), "a refused rotation stores nothing");
    }

    @Test
    public void theFirstKeyIsStoredOnce() {
        ServerSigningKey first = signingKey(FIRST);

        assertSameKey(first, store.initialize(first));
        assertSameKey(first, store.initialize(signingKey(SECOND)));

        assertSameKey(first, current().orElseThrow());
        assertEquals(List.of(first.key()), history());
        assertTrue(inForce(FIRST));
        assertFalse(inForce(SECOND));
    }

    @Test
    public void aRotationRetiresTheKeyInForceAndAddsTheNextOne() {
        ServerSigningKey first = signingKey(FIRST);
        ServerSigningKey next = signingKey(SECOND);
        store.initialize(first);

        assertTrue(rotate(next, FIRST));

        assertSameKey(next, current().orElseThrow());
        List<ServerKey> history = history();
        assertEquals(List.of(FIRST, SECOND), history.stream().map(ServerKey::serial).toList(), "oldest first");
        assertEquals(Optional.of(T), history.get(0).retiredAt());
        assertEquals(first.key().certificatePem(), history.get(0).certificatePem());
        assertEquals(next.key(), history.get(1));
        assertFalse(inForce(FIRST));
        assertTrue(inForce(SECOND));
    }

    @Test
    public void aRotationFromAKeyNoLongerInForceStoresNothing() {
        store.initialize(signingKey(FIRST));
        assertTrue(rotate(signingKey(SECOND), FIRST));

        assertFalse(rotate(signingKey(BigInteger.TEN), FIRST));

        assertEquals(List.of(FIRST, SECOND), history().stream().map(ServerKey::serial).toList());
        assertEquals(SECOND, current().orElseThrow().key().serial());
    }

    @Test
    public void ofConcurrentRotationsFromOneKeyExactlyOneWins() {
        store.initialize(signingKey(FIRST));
        List<ServerSigningKey> candidates = java.util.stream.IntStream.range(0, Concurrently.THREADS)
                .mapToObj(i -> signingKey(BigInteger.valueOf(100 + i))).toList();

        List<Boolean> won = Concurrently.values(Concurrently.run(Concurrently.THREADS,
                i -> rotate(candidates.get(i), FIRST)));

        assertEquals(1, won.stream().filter(Boolean::booleanValue).count(), "rotations that won: " + won);
        ServerSigningKey winner = candidates.get(won.indexOf(true));
        assertSameKey(winner, current().orElseThrow());
        assertEquals(List.of(FIRST, winner.key().serial()), history().stream().map(ServerKey::serial).toList());
    }

    @Test
    public void concurrentFirstKeysEndAsOne() {
        List<ServerSigningKey> candidates = java.util.stream.IntStream.range(0, Concurrently.THREADS)
                .mapToObj(i -> signingKey(BigInteger.valueOf(200 + i))).toList();

        List<BigInteger> got = Concurrently.values(Concurrently.run(Concurrently.THREADS,
                i -> store.initialize(candidates.get(i)).key().serial()));

        assertEquals(1, got.stream().distinct().count(), "keys handed back: " + got);
        assertEquals(List.of(got.get(0)), history().stream().map(ServerKey::serial).toList());
    }

    @Test
    public void serialsOf20OctetsAreKeptExactly() {
        store.initialize(signingKey(FIRST));
        assertTrue(rotate(signingKey(SECOND), FIRST));

        assertEquals(List.of(FIRST, SECOND), history().stream().map(ServerKey::serial).toList());
        assertTrue(inForce(SECOND));
        assertFalse(inForce(SECOND.subtract(BigInteger.ONE)), "a serial one below, as a lossy column would read it");
    }
}
