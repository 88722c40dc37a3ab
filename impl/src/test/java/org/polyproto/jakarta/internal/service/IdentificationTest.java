package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.internal.service.ServiceFixture.DOMAIN;
import static org.polyproto.jakarta.internal.service.ServiceFixture.bytes;

import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.SessionTokenRepresentation;
import org.polyproto.jakarta.internal.cert.IdCertFactory;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.testing.TestActor;

/** session/identify of this server's actors (contract §5), refusals and the challenge they leave behind. */
class IdentificationTest {

    private final ServiceFixture f = new ServiceFixture(Map.of("polyproto.rate-limit.actor.burst", "3",
            "polyproto.rate-limit.actor.per-minute", "1"));

    private static void refused(String code, Executable call) {
        assertEquals(code, assertThrows(PolyprotoException.class, call).code());
    }

    @Test
    void aSignedChallengeOpensASessionAndIsConsumed() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        String challenge = f.challenge();

        SessionTokenRepresentation answer = f.identify(challenge, alice.key().sign(bytes(challenge)),
                alice.certDer());

        Session session = f.sessions.authenticate(answer.token());
        assertEquals(alice.fid(), session.fid());
        assertEquals("phone", session.sessionId());
        assertTrue(f.challengeStore.isUsed(challenge), "the challenge is used up");
        refused("P2CORE_UNAUTHORIZED", () -> f.sessions.authenticate(alice.token()));
    }

    @Test
    void aChallengeWorksOnce() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        String challenge = f.challenge();
        byte[] signature = alice.key().sign(bytes(challenge));
        f.identify(challenge, signature, alice.certDer());

        refused("P2CORE_CHALLENGE_INVALID", () -> f.identify(challenge, signature, alice.certDer()));
    }

    @Test
    void anUnknownChallengeIsInvalid() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        String made = "never-issued-challenge-string-000";

        refused("P2CORE_CHALLENGE_INVALID", () -> f.identify(made, alice.key().sign(bytes(made)), alice.certDer()));
    }

    @Test
    void aForgedOrAlteredChallengeIsRefusedWithoutAskingTheStore() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        String issued = f.challenge();
        String altered = issued.substring(0, 20) + (issued.charAt(20) == 'a' ? 'b' : 'a') + issued.substring(21);
        String later = "C" + HexFormat.of().toHexDigits(f.now().getEpochSecond() + 86_400).substring(5)
                + issued.substring(12);

        for (String forged : new String[] {altered, later, issued.toUpperCase(), issued + "0"}) {
            refused("P2CORE_CHALLENGE_INVALID", () -> f.identify(forged, alice.key().sign(bytes(forged)),
                    alice.certDer()));
        }
        assertEquals(0, f.challengeStore.size(), "no use was recorded, nothing was asked");
        f.identify(issued, alice.key().sign(bytes(issued)), alice.certDer());
    }

    @Test
    void anotherNodeChecksAChallengeAndARotationEndsThem() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        Challenges otherNode = new Challenges();
        otherNode.config = f.config;
        otherNode.secrets = f.secrets;
        otherNode.clock = f.clock;
        otherNode.macs = new ServerMacs();
        otherNode.macs.serverKeys = f.anotherNode();
        String issuedHere = f.challenge();

        assertEquals(issuedHere, otherNode.verify(issuedHere).orElseThrow().value(), "no store needed");
        assertTrue(f.challenges.verify(otherNode.issue().value()).isPresent());
        f.advance(Duration.ofSeconds(1));
        f.serverKeys.rotate();
        refused("P2CORE_CHALLENGE_INVALID", () -> f.identify(issuedHere, alice.key().sign(bytes(issuedHere)),
                alice.certDer()));
    }

    @Test
    void aChallengeIsValidUntilItsTtlEndsAndBurntAfter() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        Duration ttl = f.config.sessions().challengeTtl();
        String last = f.challenge();
        String late = f.challenge();

        f.advance(ttl);
        f.identify(last, alice.key().sign(bytes(last)), alice.certDer());
        f.advance(Duration.ofSeconds(1));
        refused("P2CORE_CHALLENGE_INVALID", () -> f.identify(late, alice.key().sign(bytes(late)), alice.certDer()));
        assertFalse(f.challengeStore.isUsed(late), "refused before any store was asked");
    }

    @Test
    void aBadSignatureIsRefusedAndBurnsTheChallenge() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        String challenge = f.challenge();
        byte[] byAnotherKey = TestActor.generate().sign(bytes(challenge));

        refused("P2CORE_SIGNATURE_INVALID", () -> f.identify(challenge, byAnotherKey, alice.certDer()));

        assertTrue(f.challengeStore.isUsed(challenge));
        refused("P2CORE_CHALLENGE_INVALID",
                () -> f.identify(challenge, alice.key().sign(bytes(challenge)), alice.certDer()));
        f.sessions.authenticate(alice.token());
        assertEquals(1, f.sessionStore.findByActor(alice.fid()).size(), "only the issued session exists");
    }

    @Test
    void aCertificateSignedByAnotherKeyIsNotTrusted() {
        TestActor key = TestActor.generate();
        f.issue("alice", "phone", key);
        byte[] forged = IdCertFactory.actorCertificate(csr(key, "alice", "phone"),
                StrictEd25519.generatePrivateKey(new SecureRandom()), PolyprotoNames.serverName(DOMAIN),
                BigInteger.valueOf(4242), f.now().minusSeconds(60), f.now().plus(Duration.ofDays(1)));
        String challenge = f.challenge();

        refused("P2CORE_IDCERT_INVALID", () -> f.identify(challenge, key.sign(bytes(challenge)), forged));
        assertTrue(f.challengeStore.isUsed(challenge), "burnt");
    }

    @Test
    void aCertificateSignedByTheServerKeyButNeverIssuedIsNotTrusted() {
        TestActor key = TestActor.generate();
        ServiceFixture.Issued alice = f.issue("alice", "phone", key);
        BigInteger issuedSerial = f.sessions.authenticate(alice.token()).certSerial();
        // as if the server key had leaked: a valid signature and the issued serial, but not the issued certificate
        byte[] unrecorded = IdCertFactory.actorCertificate(csr(key, "alice", "phone"),
                f.serverKeys.current().privateKeySeed(), PolyprotoNames.serverName(DOMAIN), issuedSerial,
                f.now(), f.now().plus(Duration.ofDays(1)));

        refused("P2CORE_IDCERT_INVALID", () -> f.identify(key, unrecorded));
    }

    @Test
    void aCertificateOfARotatedServerKeyIsNotTrusted() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        f.advance(Duration.ofSeconds(1));
        f.serverKeys.rotate();

        refused("P2CORE_IDCERT_INVALID", () -> f.identify(alice.key(), alice.certDer()));
    }

    @Test
    void anExpiredCertificateIsNotTrustedOnceItsLeewayHasPassed() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        Instant notAfter = f.idCertStore.findValidAt(alice.fid(), "phone", f.now()).get(0).notAfter();
        Duration leeway = f.config.certificates().idCertLeeway();

        f.at(notAfter.plus(leeway));
        f.identify(alice.key(), alice.certDer());
        f.advance(Duration.ofSeconds(1));
        refused("P2CORE_IDCERT_INVALID", () -> f.identify(alice.key(), alice.certDer()));
    }

    @Test
    void theIdentifyHandlerRefusalStillConsumesTheChallenge() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        f.opening.handler = (fid, sessionId, payload) -> {
            throw new PolyprotoException(org.polyproto.jakarta.api.ErrorCode.FORBIDDEN, "not today");
        };
        String challenge = f.challenge();

        refused("P2CORE_FORBIDDEN", () -> f.identify(challenge, alice.key().sign(bytes(challenge)), alice.certDer()));

        assertTrue(f.challengeStore.isUsed(challenge));
        assertEquals(1, f.sessionStore.findByActor(alice.fid()).size(), "no session was opened");
    }

    @Test
    void anActorIsRateLimitedPerClientAddressAfterItsAllowance() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        for (int i = 0; i < 3; i++) {
            String challenge = f.challenge();
            // failed attempts count as much as successful ones
            refused("P2CORE_SIGNATURE_INVALID", () -> f.identify(challenge, new byte[64], alice.certDer()));
        }
        String challenge = f.challenge();

        PolyprotoException limited = assertThrows(PolyprotoException.class,
                () -> f.identify(challenge, alice.key().sign(bytes(challenge)), alice.certDer()));

        assertEquals("P2CORE_RATE_LIMITED", limited.code());
        assertEquals(429, limited.status());
        assertEquals(60, limited.retryAfterSeconds().orElseThrow(), "one token a minute");
        assertTrue(f.challengeStore.isUsed(challenge), "burnt");
        String other = f.challenge();
        f.identification.identify(other, alice.key().sign(bytes(other)), alice.certDer(),
                JsonValue.EMPTY_JSON_OBJECT, "198.51.100.7");
        ServiceFixture.Issued bob = f.issue("bob", "phone");
        f.identify(bob.key(), bob.certDer());

        f.advance(Duration.ofSeconds(59));
        assertEquals(1, assertThrows(PolyprotoException.class, () -> f.identify(alice.key(), alice.certDer()))
                .retryAfterSeconds().orElseThrow());
        f.advance(Duration.ofSeconds(1));
        f.identify(alice.key(), alice.certDer());
    }

    @Test
    void anIdCertIssuedRightAfterTheServerKeyWasMadeIsTrusted() {
        // Sub-second start: the server certificate says whole seconds, the ID-Cert's notBefore is clamped to it.
        ServiceFixture fresh = new ServiceFixture(Instant.parse("2030-01-01T12:00:00.750Z"), Map.of(),
                ServiceFixture.unreachable());
        ServiceFixture.Issued alice = fresh.issue("alice", "phone");

        fresh.identify(alice.key(), alice.certDer());
    }

    private static ParsedCsr csr(TestActor key, String name, String sessionId) {
        return ParsedCsr.parse(key.csrDer(TestActor.subject(name, DOMAIN, sessionId)));
    }
}
