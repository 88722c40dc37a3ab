package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.Event;
import org.polyproto.jakarta.spi.storage.QueuedEvent;
import org.polyproto.jakarta.spi.storage.Session;

/** Bearer tokens: authentication, expiry, revocation, and how many sessions an actor may hold. */
class SessionsTest {

    private static void unauthorized(Executable call) {
        PolyprotoException e = assertThrows(PolyprotoException.class, call);
        assertEquals("P2CORE_UNAUTHORIZED", e.code());
        assertEquals(401, e.status());
    }

    @Test
    void aLiveTokenAuthenticatesAndOthersDoNot() {
        ServiceFixture f = new ServiceFixture();
        ServiceFixture.Issued alice = f.issue("alice", "phone");

        Session session = f.sessions.authenticate(alice.token());

        assertEquals(alice.fid(), session.fid());
        assertEquals("phone", session.sessionId());
        unauthorized(() -> f.sessions.authenticate("unknown-" + alice.token()));
        unauthorized(() -> f.sessions.authenticate(""));
        unauthorized(() -> f.sessions.authenticate(null));
        unauthorized(() -> f.sessions.authenticate("x".repeat(513)));
    }

    @Test
    void aTokenStopsWorkingAtTheEndOfItsTtl() {
        ServiceFixture f = new ServiceFixture(Map.of("polyproto.token.ttl", "PT1H"));
        ServiceFixture.Issued alice = f.issue("alice", "phone");

        f.advance(Duration.ofHours(1).minusSeconds(1));
        f.sessions.authenticate(alice.token());
        f.advance(Duration.ofSeconds(1));
        unauthorized(() -> f.sessions.authenticate(alice.token()));
    }

    @Test
    void aTokenEndsWithItsTtlWhenTheCertificateOutlivesIt() {
        ServiceFixture f = new ServiceFixture(Map.of("polyproto.token.ttl", "PT1H"));
        ServiceFixture.Issued alice = f.issue("alice", "phone");

        assertEquals(f.now().plus(Duration.ofHours(1)), f.sessions.authenticate(alice.token()).expiresAt());
    }

    @Test
    void aTokenEndsWithItsCertificateAndLeewayWhenThatComesFirst() {
        ServiceFixture f = new ServiceFixture(Map.of("polyproto.token.ttl", "P7D", "polyproto.idcert.lifetime", "P1D",
                "polyproto.idcert.leeway", "PT2M"));
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        Instant certEnd = f.idCertStore.findValidAt(alice.fid(), "phone", f.now()).get(0).notAfter();

        assertEquals(f.now().plus(Duration.ofDays(1)), certEnd);
        assertEquals(certEnd.plus(Duration.ofMinutes(2)), f.sessions.authenticate(alice.token()).expiresAt());
        f.at(certEnd.plus(Duration.ofMinutes(2)));
        unauthorized(() -> f.sessions.authenticate(alice.token()));
    }

    @Test
    void identifyLaterGivesATokenThatStillEndsWithTheCertificate() {
        ServiceFixture f = new ServiceFixture(Map.of("polyproto.token.ttl", "P7D", "polyproto.idcert.lifetime",
                "P10D"));
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        Instant certEnd = f.idCertStore.findValidAt(alice.fid(), "phone", f.now()).get(0).notAfter();

        f.advance(Duration.ofDays(1));
        String week = f.identify(alice.key(), alice.certDer()).token();
        assertEquals(f.now().plus(Duration.ofDays(7)), f.sessions.authenticate(week).expiresAt());

        f.advance(Duration.ofDays(5));
        String shorter = f.identify(alice.key(), alice.certDer()).token();
        assertEquals(certEnd.plus(f.config.certificates().idCertLeeway()), f.sessions.authenticate(shorter)
                .expiresAt());
        unauthorized(() -> f.sessions.authenticate(week));
    }

    @Test
    void revokeEndsOneSessionAndForgetsItsQueuedData() {
        ServiceFixture f = new ServiceFixture();
        ServiceFixture.Issued phone = f.issue("alice", "phone");
        ServiceFixture.Issued laptop = f.issue("alice", "laptop");
        ClientId phoneClient = new ClientId(phone.fid(), "phone");
        Session session = f.sessions.authenticate(phone.token());
        long now = f.now().getEpochSecond();
        f.keyPackages.upload(session, List.of(org.polyproto.jakarta.testing.TestKeyPackage.of(phone.key(),
                phone.fid().toString()).lifetime(now, now + 60).base64()));
        assertEquals(1, f.keyPackageStore.countRegular(phoneClient));
        assertEquals(1, f.eventQueue.drain(phoneClient).size(), "the phone heard NEW_SESSION of the laptop");
        f.eventQueue.enqueue(phoneClient, new Event("core", 3, "NEW_SESSION", jakarta.json.JsonValue
                .EMPTY_JSON_OBJECT), 10);

        f.sessions.revoke(session);

        unauthorized(() -> f.sessions.authenticate(phone.token()));
        f.sessions.authenticate(laptop.token());
        assertEquals(0, f.keyPackageStore.countRegular(phoneClient));
        assertTrue(f.eventQueue.drain(phoneClient).isEmpty());
        unauthorized(() -> f.sessions.revoke(session));
    }

    @Test
    void revokeAllEndsEverySessionOfTheActorAndNoOtherActors() {
        ServiceFixture f = new ServiceFixture();
        ServiceFixture.Issued phone = f.issue("alice", "phone");
        ServiceFixture.Issued laptop = f.issue("alice", "laptop");
        ServiceFixture.Issued bob = f.issue("bob", "phone");
        Session presented = f.sessions.authenticate(laptop.token());

        assertEquals(2, f.sessions.revokeAll(presented));

        unauthorized(() -> f.sessions.authenticate(phone.token()));
        unauthorized(() -> f.sessions.authenticate(laptop.token()));
        f.sessions.authenticate(bob.token());
        unauthorized(() -> f.sessions.revokeAll(presented));
    }

    @Test
    void openingASessionTellsTheActorsOtherLiveSessions() {
        ServiceFixture f = new ServiceFixture();
        f.issue("alice", "phone");
        f.issue("bob", "phone");
        ServiceFixture.Issued laptop = f.issue("alice", "laptop");

        List<QueuedEvent> phone = f.eventQueue.drain(new ClientId(laptop.fid(), "phone"));
        assertEquals(1, phone.size());
        assertEquals("NEW_SESSION", phone.get(0).event().type());
        assertEquals(laptop.answer().idCert(), phone.get(0).event().data().getString("cert"));
        assertTrue(f.eventQueue.drain(new ClientId(laptop.fid(), "laptop")).isEmpty(), "not the new one itself");
        assertTrue(f.eventQueue.drain(new ClientId(ServiceFixture.fid("bob"), "phone")).isEmpty(), "no other actor");
    }

    @Test
    void anActorHoldsAtMostMaxPerActorSessions() {
        ServiceFixture f = new ServiceFixture(Map.of("polyproto.sessions.max-per-actor", "2"));
        ServiceFixture.Issued phone = f.issue("alice", "phone");
        f.issue("alice", "laptop");

        PolyprotoException e = assertThrows(PolyprotoException.class, () -> f.issue("alice", "tablet"));

        assertEquals(409, e.status());
        assertEquals("P2CORE_TOO_MANY_SESSIONS", e.code());
        assertTrue(f.idCertStore.findValidAt(phone.fid(), "tablet", f.now()).isEmpty(), "nothing was issued");
        f.issue("bob", "tablet");
        f.sessions.revoke(f.sessions.authenticate(phone.token()));
        f.issue("alice", "tablet");
    }

    @Test
    void atTheLimitASessionWhoseCertificateEndedCanBeTrustedAgain() {
        // its session ends with the certificate, and cannot be revoked any more; a new ID-Cert replaces it
        ServiceFixture f = new ServiceFixture(Map.of("polyproto.sessions.max-per-actor", "2",
                "polyproto.idcert.lifetime", "P1D"));
        f.issue("alice", "phone");
        f.advance(Duration.ofHours(12));
        ServiceFixture.Issued laptop = f.issue("alice", "laptop");
        f.advance(Duration.ofHours(13));

        ServiceFixture.Issued renewed = f.issue("alice", "phone");

        f.sessions.authenticate(renewed.token());
        f.sessions.authenticate(laptop.token());
        assertEquals(2, f.sessionStore.findByActor(renewed.fid()).size());
    }
}
