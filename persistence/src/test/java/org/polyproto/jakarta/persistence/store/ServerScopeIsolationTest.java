package org.polyproto.jakarta.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.Event;
import org.polyproto.jakarta.spi.storage.QueuedEvent;
import org.polyproto.jakarta.spi.storage.Session;

/**
 * Two deployments (server domains) sharing one schema do not see each other's challenges, sessions, KeyPackages or
 * events: the scoping the storage contract kit cannot test through the SPIs.
 */
class ServerScopeIsolationTest {

    static final Instant T = Instant.ofEpochSecond(1_800_000_000L);
    static final FederationId ALICE = FederationId.parse("alice@example.com");
    static final ClientId CLIENT = new ClientId(ALICE, "s1");

    private final H2Database db = new H2Database();
    private final TransactionPerCall transactions = new TransactionPerCall(db.factory);

    @AfterEach
    void close() {
        db.close();
    }

    private ServerScope home() {
        return db.scope(H2Database.DOMAIN);
    }

    private ServerScope other() {
        return db.scope("other.example");
    }

    private <T> T tx(Supplier<T> work) {
        return transactions.run(work);
    }

    @Test
    void usedChallengesOfAnotherDomainAreNotPurged() {
        JpaChallengeStore home = challenges(home());
        JpaChallengeStore other = challenges(other());
        Challenge challenge = new Challenge("C" + "c".repeat(63), T.minusSeconds(1));
        assertEquals(true, tx(() -> home.use(challenge)));

        assertEquals(0, tx(() -> other.purgeExpired(T)));
        assertEquals(false, tx(() -> other.use(challenge)), "a challenge string is MACed for one server only");
        assertEquals(1, tx(() -> home.purgeExpired(T)));
    }

    @Test
    void sessionsOfAnotherDomainAreInvisible() {
        JpaSessionStore home = sessions(home());
        JpaSessionStore other = sessions(other());
        Session session = new Session("a".repeat(64), ALICE, "s1", BigInteger.ONE, "PEM", T, T.plusSeconds(60));
        tx(() -> {
            home.open(session);
            return null;
        });

        assertEquals(Optional.empty(), tx(() -> other.findByTokenHash(session.tokenHash())));
        assertEquals(List.of(), tx(() -> other.findByActor(ALICE)));
        assertEquals(List.of(), tx(() -> other.findByDomain(ALICE.domain())));
        assertFalse(tx(() -> other.updateCertificate(session.tokenHash(), BigInteger.TWO, "PEM 2")));
        assertFalse(tx(() -> other.close(session.tokenHash())));
        assertEquals(List.of(), tx(() -> other.purgeExpired(T.plusSeconds(3600), 10)));
        assertEquals(Optional.of(session), tx(() -> home.findByTokenHash(session.tokenHash())));
    }

    @Test
    void keyPackagesAndEventsOfAnotherDomainAreInvisible() {
        JpaKeyPackageStore homePackages = keyPackages(home());
        JpaKeyPackageStore otherPackages = keyPackages(other());
        JpaEventQueue homeEvents = events(home());
        JpaEventQueue otherEvents = events(other());
        Event event = new Event("core", 3, "NEW_SESSION", Json.createObjectBuilder().add("cert", "PEM").build());
        tx(() -> {
            homePackages.add(CLIENT, List.of(storedPackage("kp-a")));
            homePackages.putLastResort(CLIENT, storedPackage("kp-lr"));
            homeEvents.enqueue(CLIENT, event, 10);
            return null;
        });

        assertEquals(0, tx(() -> otherPackages.countRegular(CLIENT)));
        assertEquals(Optional.empty(), tx(() -> otherPackages.claim(CLIENT, java.time.Instant.now())));
        assertEquals(List.of(), tx(() -> otherEvents.drain(CLIENT)));
        tx(() -> {
            otherPackages.removeAll(CLIENT);
            otherEvents.clear(CLIENT);
            return null;
        });
        assertEquals(1, tx(() -> homePackages.countRegular(CLIENT)));
        assertEquals(List.of(event), tx(() -> homeEvents.drain(CLIENT)).stream().map(QueuedEvent::event).toList());
    }

    private JpaChallengeStore challenges(ServerScope scope) {
        JpaChallengeStore store = new JpaChallengeStore();
        store.em = transactions.entityManager();
        store.sql = H2Database.sqlOn(store.em);
        store.scope = scope;
        return store;
    }

    private JpaSessionStore sessions(ServerScope scope) {
        JpaSessionStore store = new JpaSessionStore();
        store.em = transactions.entityManager();
        store.sql = H2Database.sqlOn(store.em);
        store.scope = scope;
        return store;
    }

    private static org.polyproto.jakarta.spi.storage.StoredKeyPackage storedPackage(String name) {
        return new org.polyproto.jakarta.spi.storage.StoredKeyPackage(name, "0".repeat(63) + name.length(),
                java.time.Instant.now().plusSeconds(3600));
    }

    private JpaKeyPackageStore keyPackages(ServerScope scope) {
        JpaKeyPackageStore store = new JpaKeyPackageStore();
        store.em = transactions.entityManager();
        store.sql = H2Database.sqlOn(store.em);
        store.scope = scope;
        return store;
    }

    private JpaEventQueue events(ServerScope scope) {
        JpaEventQueue store = new JpaEventQueue();
        store.em = transactions.entityManager();
        store.scope = scope;
        return store;
    }
}
