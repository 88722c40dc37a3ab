package org.polyproto.jakarta.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.EncryptedKeyMaterial;
import org.polyproto.jakarta.spi.storage.KeyMaterialStore;

/**
 * The contract of {@link KeyMaterialStore}: one item per actor and serial, serials up to 20 octets, sizes and
 * lookups per actor, removal of the named serials only. To run it on your store, see {@link StoreContract}.
 */
public abstract class KeyMaterialStoreContract extends StoreContract<KeyMaterialStore> {

    protected static final FederationId ALICE = FederationId.parse("alice@example.com");
    protected static final FederationId BOB = FederationId.parse("bob@example.com");
    /** 2^159 + 7: a 20-octet serial, as polyproto allows. */
    protected static final BigInteger LARGE = BigInteger.TWO.pow(159).add(BigInteger.valueOf(7));

    private static EncryptedKeyMaterial item(BigInteger serial, String data) {
        return new EncryptedKeyMaterial(serial, data);
    }

    @Test
    public void oneItemPerActorAndSerial() {
        assertTrue(inTransaction(() -> store.add(ALICE, item(BigInteger.ONE, "first"))));
        assertFalse(inTransaction(() -> store.add(ALICE, item(BigInteger.ONE, "second"))));
        assertTrue(inTransaction(() -> store.add(BOB, item(BigInteger.ONE, "bob's"))), "another actor's serial");

        assertEquals(List.of(item(BigInteger.ONE, "first")), inTransaction(() -> store.find(ALICE, Set.of())),
                "the refused item changed nothing");
    }

    @Test
    public void findGivesTheAskedSerialsOrAllInSerialOrder() {
        inTransaction(() -> store.add(ALICE, item(LARGE, "large")));
        inTransaction(() -> store.add(ALICE, item(BigInteger.TEN, "ten")));
        inTransaction(() -> store.add(ALICE, item(BigInteger.TWO, "two")));

        assertEquals(List.of(item(BigInteger.TWO, "two"), item(BigInteger.TEN, "ten"), item(LARGE, "large")),
                inTransaction(() -> store.find(ALICE, Set.of())));
        assertEquals(List.of(item(BigInteger.TWO, "two"), item(LARGE, "large")),
                inTransaction(() -> store.find(ALICE, Set.of(LARGE, BigInteger.TWO, BigInteger.ONE))));
        assertEquals(List.of(), inTransaction(() -> store.find(BOB, Set.of())));
    }

    @Test
    public void sizeCountsTheActorsCharacters() {
        assertEquals(0L, (long) inTransaction(() -> store.size(ALICE)));
        inTransaction(() -> store.add(ALICE, item(BigInteger.ONE, "x".repeat(1000))));
        inTransaction(() -> store.add(ALICE, item(BigInteger.TWO, "y".repeat(24))));
        inTransaction(() -> store.add(BOB, item(BigInteger.ONE, "z".repeat(5))));

        assertEquals(1024L, (long) inTransaction(() -> store.size(ALICE)));
    }

    @Test
    public void removeTakesOnlyTheNamedSerialsOfTheActor() {
        inTransaction(() -> store.add(ALICE, item(BigInteger.ONE, "one")));
        inTransaction(() -> store.add(ALICE, item(LARGE, "large")));
        inTransaction(() -> store.add(BOB, item(LARGE, "bob's")));

        assertEquals(1, (int) inTransaction(() -> store.remove(ALICE, Set.of(LARGE, BigInteger.TEN))));
        assertEquals(List.of(item(BigInteger.ONE, "one")), inTransaction(() -> store.find(ALICE, Set.of())));
        assertEquals(List.of(item(LARGE, "bob's")), inTransaction(() -> store.find(BOB, Set.of())));
        assertEquals(0, (int) inTransaction(() -> store.remove(ALICE, Set.of(LARGE))));
    }
}
