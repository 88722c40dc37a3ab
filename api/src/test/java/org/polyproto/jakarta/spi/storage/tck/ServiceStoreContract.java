package org.polyproto.jakarta.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.DiscoverableService;
import org.polyproto.jakarta.spi.storage.ServiceStore;

/**
 * The contract of {@link ServiceStore}: one entry per actor, name and URL; listed by name, primary first, then in
 * the order added; removal and the primary mark touch one entry of one actor. To run it on your store, see
 * {@link StoreContract}.
 */
public abstract class ServiceStoreContract extends StoreContract<ServiceStore> {

    protected static final FederationId ALICE = FederationId.parse("alice@example.com");
    protected static final FederationId BOB = FederationId.parse("bob@example.com");
    private static final DiscoverableService CHAT_A = new DiscoverableService("polyproto-chat",
            "https://a.example/", true);
    private static final DiscoverableService CHAT_B = new DiscoverableService("polyproto-chat",
            "https://b.example/", false);
    private static final DiscoverableService CAT = new DiscoverableService("polyproto-cat", "https://c.example/",
            true);

    @Test
    public void oneEntryPerNameAndUrl() {
        assertTrue(inTransaction(() -> store.add(ALICE, CHAT_A)));
        assertFalse(inTransaction(() -> store.add(ALICE, CHAT_A.withPrimary(false))));
        assertTrue(inTransaction(() -> store.add(ALICE, new DiscoverableService("other-name", CHAT_A.url(),
                false))), "the same URL under another name");
        assertTrue(inTransaction(() -> store.add(BOB, CHAT_A)), "another actor");

        assertEquals(2, inTransaction(() -> store.find(ALICE)).size());
    }

    @Test
    public void listedByNameThenPrimaryFirstThenInTheOrderAdded() {
        DiscoverableService chatC = new DiscoverableService("polyproto-chat", "https://0.example/", false);
        inTransaction(() -> store.add(ALICE, CHAT_B));
        inTransaction(() -> store.add(ALICE, chatC));
        inTransaction(() -> store.add(ALICE, CHAT_A));
        inTransaction(() -> store.add(ALICE, CAT));

        assertEquals(List.of(CAT, CHAT_A, CHAT_B, chatC), inTransaction(() -> store.find(ALICE)));
        assertEquals(List.of(), inTransaction(() -> store.find(BOB)));
    }

    @Test
    public void removeAndSetPrimaryTouchOneEntryOfOneActor() {
        inTransaction(() -> store.add(ALICE, CHAT_A));
        inTransaction(() -> store.add(ALICE, CHAT_B));
        inTransaction(() -> store.add(BOB, CHAT_A));

        assertTrue(inTransaction(() -> store.setPrimary(ALICE, CHAT_A.name(), CHAT_A.url(), false)));
        assertTrue(inTransaction(() -> store.setPrimary(ALICE, CHAT_B.name(), CHAT_B.url(), true)));
        assertFalse(inTransaction(() -> store.setPrimary(ALICE, CAT.name(), CAT.url(), true)));
        assertEquals(List.of(CHAT_B.withPrimary(true), CHAT_A.withPrimary(false)),
                inTransaction(() -> store.find(ALICE)));

        assertTrue(inTransaction(() -> store.remove(ALICE, CHAT_B.name(), CHAT_B.url())));
        assertFalse(inTransaction(() -> store.remove(ALICE, CHAT_B.name(), CHAT_B.url())));
        assertEquals(List.of(CHAT_A.withPrimary(false)), inTransaction(() -> store.find(ALICE)));
        assertEquals(List.of(CHAT_A), inTransaction(() -> store.find(BOB)), "bob's entry is untouched");
    }
}
