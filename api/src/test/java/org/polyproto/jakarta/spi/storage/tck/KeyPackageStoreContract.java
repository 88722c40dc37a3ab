package org.polyproto.jakarta.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.ClaimedKeyPackage;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.KeyPackageStore;
import org.polyproto.jakarta.spi.storage.StoredKeyPackage;

/**
 * The contract of {@link KeyPackageStore}: per client (actor and session ID), {@code add} ignores packages whose
 * init key the client holds; {@code claim} hands out each unexpired regular package once, with the count left, then
 * the unexpired last-resort package without removing it (of 16 concurrent claims, each in its own transaction, on
 * fewer regular packages, each regular one goes to exactly one claimer and the rest get the last-resort one);
 * {@code putLastResort} replaces; {@code removeAll} removes both kinds; {@code recordInitKey} is true once per
 * hash, also for 16 concurrent callers; {@code putLastResort} and {@code removeAll} forget the init keys of packages
 * never handed out and keep those of packages handed out; {@code purgeExpired} removes what expired before now.
 * <p>
 * To run it on your store: subclass it, return a new, empty store from {@link #createStore()}, and override
 * {@link #inTransaction(java.util.function.Supplier)} to run each call in a transaction of its own (see
 * {@link StoreContract}). Scoping to a server domain is not tested here: it is not visible through the SPI.
 */
public abstract class KeyPackageStoreContract extends StoreContract<KeyPackageStore> {

    protected static final ClientId ALICE_1 = new ClientId(FederationId.parse("alice@example.com"), "s1");
    protected static final ClientId ALICE_2 = new ClientId(FederationId.parse("alice@example.com"), "s2");
    protected static final ClientId BOB_1 = new ClientId(FederationId.parse("bob@example.com"), "s1");
    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

    /** A package named {@code name}, its init key hash derived from the name, valid until an hour after T. */
    protected static StoredKeyPackage kp(String name) {
        return kp(name, T.plusSeconds(3600));
    }

    protected static StoredKeyPackage kp(String name, Instant expiresAt) {
        return new StoredKeyPackage(name, hash(name), expiresAt);
    }

    protected static String hash(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private int add(ClientId client, String... names) {
        return inTransaction(() -> store.add(client, List.of(names).stream().map(KeyPackageStoreContract::kp)
                .toList()));
    }

    private int count(ClientId client) {
        return inTransaction(() -> store.countRegular(client));
    }

    private void putLastResort(ClientId client, String name) {
        inTransaction(() -> store.putLastResort(client, kp(name)));
    }

    private Optional<ClaimedKeyPackage> claim(ClientId client) {
        return inTransaction(() -> store.claim(client, T));
    }

    @Test
    public void addStoresNewPackagesAndIgnoresOnesTheClientHolds() {
        assertEquals(2, add(ALICE_1, "kp-a", "kp-b", "kp-a"));
        assertEquals(1, add(ALICE_1, "kp-b", "kp-c"));
        assertEquals(0, add(ALICE_1, "kp-c"));

        assertEquals(3, count(ALICE_1));
    }

    @Test
    public void claimHandsOutEachRegularPackageOnceThenTheLastResortOneWithoutRemovingIt() {
        add(ALICE_1, "kp-a", "kp-b", "kp-c");
        putLastResort(ALICE_1, "kp-lr");

        Set<String> handedOut = new HashSet<>();
        for (int remaining = 2; remaining >= 0; remaining--) {
            ClaimedKeyPackage claimed = claim(ALICE_1).orElseThrow();
            assertFalse(claimed.lastResort());
            assertEquals(remaining, claimed.regularRemaining());
            assertEquals(remaining, count(ALICE_1));
            handedOut.add(claimed.keyPackage());
        }
        assertEquals(Set.of("kp-a", "kp-b", "kp-c"), handedOut);

        assertEquals(Optional.of(new ClaimedKeyPackage("kp-lr", true, 0)), claim(ALICE_1));
        assertEquals(Optional.of(new ClaimedKeyPackage("kp-lr", true, 0)), claim(ALICE_1), "the last resort stays");
    }

    @Test
    public void aClientWithNeitherKindOfPackageGetsNothing() {
        assertEquals(Optional.empty(), claim(ALICE_1));
        assertEquals(0, count(ALICE_1));

        add(ALICE_1, "kp-a");
        assertEquals(Optional.of(new ClaimedKeyPackage("kp-a", false, 0)), claim(ALICE_1));
        assertEquals(Optional.empty(), claim(ALICE_1), "no last-resort package to fall back on");
    }

    @Test
    public void expiredPackagesAreNeverHandedOutAndArePurged() {
        inTransaction(() -> store.add(ALICE_1, List.of(kp("old", T), kp("older", T.minusSeconds(60)),
                kp("fresh", T.plusSeconds(60)))));
        inTransaction(() -> {
            store.putLastResort(ALICE_1, kp("lr", T.minusSeconds(1)));
            return null;
        });

        assertEquals(Optional.of(new ClaimedKeyPackage("fresh", false, 0)), claim(ALICE_1), "none unexpired left");
        assertEquals(Optional.empty(), claim(ALICE_1), "expired regular and last-resort packages stay unclaimed");

        assertEquals(2, (int) inTransaction(() -> store.purgeExpired(T)), "the two that expired before T");
        assertEquals(1, count(ALICE_1), "expiring at T is not expired before T");
        assertEquals(1, (int) inTransaction(() -> store.purgeExpired(T.plusSeconds(1))));
        assertEquals(0, count(ALICE_1));
    }

    @Test
    public void putLastResortReplacesTheLastResortPackageOnly() {
        add(ALICE_1, "kp-a");
        putLastResort(ALICE_1, "kp-lr1");
        putLastResort(ALICE_1, "kp-lr2");

        assertEquals(1, count(ALICE_1), "a last-resort package is not a regular one");
        assertEquals("kp-a", claim(ALICE_1).orElseThrow().keyPackage());
        assertEquals(Optional.of(new ClaimedKeyPackage("kp-lr2", true, 0)), claim(ALICE_1));
    }

    @Test
    public void removeAllRemovesRegularAndLastResortPackages() {
        add(ALICE_1, "kp-a", "kp-b");
        putLastResort(ALICE_1, "kp-lr");
        add(ALICE_2, "kp-c");

        inTransaction(() -> store.removeAll(ALICE_1));

        assertEquals(0, count(ALICE_1));
        assertEquals(Optional.empty(), claim(ALICE_1));
        assertEquals(1, count(ALICE_2), "another client keeps its packages");
        assertEquals(1, add(ALICE_1, "kp-a"), "a removed package can be added again");
    }

    @Test
    public void theInitKeysOfPackagesThatGoUnhandedAreForgottenAndThoseHandedOutAreKept() {
        for (String name : List.of("kp-a", "kp-b", "kp-c", "kp-lr1", "kp-lr2", "kp-lr3")) {
            assertTrue(record(name));
        }
        add(ALICE_1, "kp-a");
        add(ALICE_2, "kp-c");
        putLastResort(ALICE_1, "kp-lr1");
        putLastResort(ALICE_1, "kp-lr2");
        assertTrue(record("kp-lr1"), "a last-resort package replaced before anyone got it is forgotten");

        assertEquals("kp-a", claim(ALICE_1).orElseThrow().keyPackage());
        assertEquals(Optional.of(new ClaimedKeyPackage("kp-lr2", true, 0)), claim(ALICE_1));
        putLastResort(ALICE_1, "kp-lr3");
        assertFalse(record("kp-lr2"), "a last-resort package handed out stays refused after its replacement");

        add(ALICE_1, "kp-b");
        inTransaction(() -> store.removeAll(ALICE_1));
        assertTrue(record("kp-b"), "a regular package removed unhanded is forgotten");
        assertTrue(record("kp-lr3"), "so is a last-resort package removed unhanded");
        assertFalse(record("kp-a"), "a regular package handed out stays refused");
        assertFalse(record("kp-c"), "another client's packages are untouched");
    }

    private boolean record(String name) {
        return inRetriedTransaction(() -> store.recordInitKey(hash(name), T.plusSeconds(3600)));
    }

    @Test
    public void eachClientHasPackagesOfItsOwn() {
        add(ALICE_1, "kp-a", "kp-b");
        putLastResort(ALICE_1, "kp-lr");

        assertEquals(0, count(ALICE_2));
        assertEquals(0, count(BOB_1));
        assertEquals(Optional.empty(), claim(ALICE_2));
        assertEquals(Optional.empty(), claim(BOB_1));
        assertEquals(1, add(BOB_1, "kp-a"), "the same package is new for another client");

        inTransaction(() -> store.removeAll(ALICE_2));
        assertEquals(2, count(ALICE_1));
    }

    @Test
    public void anInitKeyIsRecordedOnceUntilItIsForgotten() {
        assertTrue(inRetriedTransaction(() -> store.recordInitKey(hash("a"), T)));
        assertFalse(inRetriedTransaction(() -> store.recordInitKey(hash("a"), T.plusSeconds(9999))));
        assertTrue(inRetriedTransaction(() -> store.recordInitKey(hash("b"), T)));

        inTransaction(() -> store.purgeExpired(T));
        assertFalse(inRetriedTransaction(() -> store.recordInitKey(hash("a"), T)), "kept until T has passed");
        inTransaction(() -> store.purgeExpired(T.plusSeconds(1)));
        assertTrue(inRetriedTransaction(() -> store.recordInitKey(hash("a"), T)), "forgotten after T");
    }

    @Test
    public void ofConcurrentRecordsOfOneInitKeyExactlyOneIsFirst() {
        String initKey = hash("contended");
        List<Boolean> got = Concurrently.values(Concurrently.run(Concurrently.THREADS,
                i -> inRetriedTransaction(() -> store.recordInitKey(initKey, T))));
        assertEquals(1, got.stream().filter(Boolean::booleanValue).count(), got::toString);
    }

    @Test
    public void concurrentClaimsHandOutEachRegularPackageToExactlyOneClaimer() {
        List<String> regular = List.of("kp-1", "kp-2", "kp-3", "kp-4", "kp-5");
        add(ALICE_1, regular.toArray(String[]::new));
        putLastResort(ALICE_1, "kp-lr");

        List<ClaimedKeyPackage> claimed = Concurrently.values(Concurrently.run(Concurrently.THREADS,
                i -> claim(ALICE_1).orElseThrow()));

        List<String> regularClaimed = claimed.stream().filter(c -> !c.lastResort()).map(ClaimedKeyPackage::keyPackage)
                .toList();
        assertEquals(regular.size(), regularClaimed.size(), "regular packages handed out: " + regularClaimed);
        assertEquals(Set.copyOf(regular), Set.copyOf(regularClaimed), "each one once");
        assertTrue(claimed.stream().filter(ClaimedKeyPackage::lastResort).allMatch(c -> c.keyPackage().equals("kp-lr")));
        assertEquals(0, count(ALICE_1));
    }
}
