package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.internal.service.ServiceFixture.DOMAIN;
import static org.polyproto.jakarta.internal.service.ServiceFixture.fid;

import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.IssuedIdCertRepresentation;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.internal.config.BruteForceSettings;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.testing.TestActor;

/** register, then session/trust by password: what is stored and what is refused. */
class TrustsTest {

    private static final String PASSWORD = "correct horse battery";

    private final ServiceFixture f = new ServiceFixture();
    private final TestActor key = TestActor.generate();

    private IssuedIdCertRepresentation trust(String name, String sessionId, String password) {
        return f.trusts.trust(name, key.csrPem(name, DOMAIN, sessionId), Optional.of(password),
                JsonValue.EMPTY_JSON_OBJECT);
    }

    @Test
    void aRegisteredActorWithItsPasswordGetsAnIdCertAndASession() {
        assertEquals("alice@" + DOMAIN, f.registrations.register("alice", Optional.of(PASSWORD),
                JsonValue.EMPTY_JSON_OBJECT).fid());

        IssuedIdCertRepresentation issued = trust("alice", "laptop", PASSWORD);

        ParsedIdCert cert = ParsedIdCert.parse(PemCodec.decode(issued.idCert()).orElseThrow());
        PolyprotoNames.ActorName actor = cert.requireActorProfile();
        assertEquals(fid("alice"), actor.fid());
        assertEquals("laptop", actor.sessionId());
        assertTrue(cert.isSignedBy(ParsedIdCert.parse(PemCodec.decode(f.serverKeys.current().key()
                .certificatePem()).orElseThrow()).publicKey()), "signed by the server key in force");
        assertEquals(issued.idCert(), f.idCertStore.find(cert.serial()).orElseThrow().pem(), "recorded as issued");

        Session session = f.sessions.authenticate(issued.token());
        assertEquals(fid("alice"), session.fid());
        assertEquals("laptop", session.sessionId());
        assertEquals(cert.serial(), session.certSerial());
    }

    @Test
    void aWrongPasswordOpensNoSessionAndIssuesNothing() {
        f.registrations.register("alice", Optional.of(PASSWORD), JsonValue.EMPTY_JSON_OBJECT);

        PolyprotoException e = assertThrows(PolyprotoException.class, () -> trust("alice", "laptop", "not the one!"));

        assertEquals("P2CORE_INVALID_CREDENTIALS", e.code());
        assertEquals(401, e.status());
        assertTrue(f.sessionStore.findByActor(fid("alice")).isEmpty());
        assertTrue(f.idCertStore.findValidAt(fid("alice"), f.now(), 10).isEmpty());
    }

    @Test
    void anUnknownActorGetsTheSameAnswerAsAWrongPassword() {
        f.registrations.register("alice", Optional.of(PASSWORD), JsonValue.EMPTY_JSON_OBJECT);
        PolyprotoException wrong = assertThrows(PolyprotoException.class, () -> trust("alice", "s", "not the one!"));

        PolyprotoException unknown = assertThrows(PolyprotoException.class, () -> trust("nobody", "s", PASSWORD));

        assertEquals(wrong.code(), unknown.code());
        assertEquals(wrong.status(), unknown.status());
        assertEquals(wrong.getMessage(), unknown.getMessage(), "nothing tells the two apart");
        assertTrue(f.actorStore.find(fid("nobody")).isEmpty());
        assertTrue(f.sessionStore.findByActor(fid("nobody")).isEmpty());
    }

    @Test
    void anUnknownNameTakesAsManyTransactionsAsAWrongPasswordAndIsNotCounted() {
        f.registrations.register("alice", Optional.of(PASSWORD), JsonValue.EMPTY_JSON_OBJECT);
        int[] transactions = {0};
        f.passwordAttempts.transactions = new Transactions() {
            @Override
            public <T> T call(java.util.function.Supplier<T> work) {
                transactions[0]++;
                return work.get();
            }
        };
        assertThrows(PolyprotoException.class, () -> trust("alice", "s", "not the one!"));
        int forAnActor = transactions[0];
        transactions[0] = 0;

        assertThrows(PolyprotoException.class, () -> trust("nobody", "s", PASSWORD));

        assertEquals(1, forAnActor);
        assertEquals(forAnActor, transactions[0]);
        assertEquals(java.util.OptionalInt.of(1), f.loginFailureStore.count(fid("nobody"), f.now(),
                f.now().minusSeconds(60)), "no attempt of the unknown name was stored before this one");
    }

    @Test
    void withoutAPasswordTheDefaultHandlerApprovesNoTrust() {
        f.registrations.register("alice", Optional.empty(), JsonValue.EMPTY_JSON_OBJECT);

        PolyprotoException e = assertThrows(PolyprotoException.class, () -> f.trusts.trust("alice",
                key.csrPem("alice", DOMAIN, "s"), Optional.empty(), JsonValue.EMPTY_JSON_OBJECT));

        assertEquals("P2CORE_INVALID_CREDENTIALS", e.code());
        assertTrue(f.sessionStore.findByActor(fid("alice")).isEmpty());
    }

    @Test
    void aSecondRegistrationOfANameIsTaken() {
        f.registrations.register("alice", Optional.empty(), JsonValue.EMPTY_JSON_OBJECT);

        PolyprotoException e = assertThrows(PolyprotoException.class,
                () -> f.registrations.register("alice", Optional.empty(), JsonValue.EMPTY_JSON_OBJECT));

        assertEquals("P2CORE_FEDERATION_ID_TAKEN", e.code());
        assertEquals(409, e.status());
    }

    @Test
    void aCsrForAnotherActorIsRefusedBeforeThePasswordIsChecked() {
        FederationId bob = fid("bob");
        f.registrations.register("alice", Optional.empty(), JsonValue.EMPTY_JSON_OBJECT);

        PolyprotoException e = assertThrows(PolyprotoException.class, () -> f.trusts.trust("alice",
                key.csrPem(bob.localName(), DOMAIN, "s"), Optional.of(PASSWORD), JsonValue.EMPTY_JSON_OBJECT));

        assertEquals("P2CORE_CSR_INVALID", e.code());
    }

    @Test
    void afterMaxFailuresEvenTheRightPasswordIsAnsweredAsAWrongOneUntilTheLockEnds() {
        ServiceFixture g = new ServiceFixture(Map.of(BruteForceSettings.MAX_FAILURES, "3",
                BruteForceSettings.WAIT, "60", BruteForceSettings.MAX_WAIT, "600"));
        g.registrations.register("alice", Optional.of(PASSWORD), JsonValue.EMPTY_JSON_OBJECT);
        PolyprotoException wrong = assertThrows(PolyprotoException.class, () -> trust(g, "alice", "not the one!"));
        assertThrows(PolyprotoException.class, () -> trust(g, "alice", "not the one!"));
        assertThrows(PolyprotoException.class, () -> trust(g, "alice", "not the one!"));

        PolyprotoException locked = assertThrows(PolyprotoException.class, () -> trust(g, "alice", PASSWORD));
        assertEquals(wrong.code(), locked.code());
        assertEquals(wrong.status(), locked.status());
        assertEquals(wrong.getMessage(), locked.getMessage(), "no oracle: a lock answers as a wrong password");
        assertTrue(g.sessionStore.findByActor(fid("alice")).isEmpty());

        g.advance(Duration.ofSeconds(60));
        trust(g, "alice", PASSWORD);
        assertEquals(1, g.sessionStore.findByActor(fid("alice")).size(), "the lock has ended");
    }

    @Test
    void eachFailureAfterALockDoublesTheNextOneAndASuccessForgetsThem() {
        ServiceFixture g = new ServiceFixture(Map.of(BruteForceSettings.MAX_FAILURES, "2",
                BruteForceSettings.WAIT, "60", BruteForceSettings.MAX_WAIT, "200"));
        g.registrations.register("alice", Optional.of(PASSWORD), JsonValue.EMPTY_JSON_OBJECT);
        assertThrows(PolyprotoException.class, () -> trust(g, "alice", "not the one!"));
        assertThrows(PolyprotoException.class, () -> trust(g, "alice", "not the one!"));
        g.advance(Duration.ofSeconds(60));
        assertThrows(PolyprotoException.class, () -> trust(g, "alice", "not the one!"));

        g.advance(Duration.ofSeconds(119));
        assertThrows(PolyprotoException.class, () -> trust(g, "alice", PASSWORD), "locked for 120 s this time");
        g.advance(Duration.ofSeconds(1));
        trust(g, "alice", PASSWORD);

        assertThrows(PolyprotoException.class, () -> trust(g, "alice", "not the one!"));
        trust(g, "alice", PASSWORD);
        assertEquals(OptionalInt.of(1), g.loginFailureStore.count(fid("alice"), g.now(), g.now()),
                "a success forgets the attempts");
        assertEquals(Duration.ofSeconds(200), g.config.bruteForce().lockAfter(3), "capped at the longest lock");
    }

    @Test
    void attemptsForUnknownNamesAreNotStored() {
        ServiceFixture g = new ServiceFixture(Map.of(BruteForceSettings.MAX_FAILURES, "1"));
        for (int i = 0; i < 3; i++) {
            assertThrows(PolyprotoException.class, () -> trust(g, "nobody", PASSWORD));
        }
        Instant later = g.now().plus(Duration.ofDays(1));
        assertEquals(0, g.loginFailureStore.purge(later, later), "no record to remove");
    }

    private int sessions;

    /** A trust for a new session ID each time (a session ID with a valid ID-Cert is refused). */
    private IssuedIdCertRepresentation trust(ServiceFixture g, String name, String password) {
        return g.trusts.trust(name, key.csrPem(name, DOMAIN, "s" + ++sessions), Optional.of(password),
                JsonValue.EMPTY_JSON_OBJECT);
    }
}
