package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.CacheableIdCertRepresentation;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.spi.SensitiveAction;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.QueuedEvent;

/** The services behind the v1 routes: cacheable certificates, early revocation, key trials, sensitive actions. */
class CoreV1ServicesTest {

    private final ServiceFixture f = new ServiceFixture(Map.of("polyproto.idcert.cache-validity", "PT10M"));

    @Test
    void theSignedTextIsDecimalSerialThenTheWindowThenInvalidatedAt() {
        assertEquals("9018446744073709551615", new String(CacheableIdCertRepresentation.signedText(BigInteger.valueOf(9),
                0, -1L, OptionalLong.empty()), StandardCharsets.UTF_8), "polyproto-rs' own example, u64::MAX");
        BigInteger wide = BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE);
        assertEquals(wide + "1700000000170000030017000000100", new String(CacheableIdCertRepresentation.signedText(
                wide, 1_700_000_000L, 1_700_000_300L, OptionalLong.of(17_000_000_100L)), StandardCharsets.UTF_8));
    }

    @Test
    void aCacheableCertificateIsSignedByTheServerKeyOverItsWindow() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        ParsedIdCert cert = ParsedIdCert.parse(alice.certDer());
        CacheableIdCertRepresentation cacheable = f.cacheable.of(cert.serial(), alice.answer().idCert(),
                cert.notAfter(), Optional.empty());

        long now = f.now().getEpochSecond();
        assertEquals(now, cacheable.cacheNotValidBefore());
        assertEquals(now + 600, cacheable.cacheNotValidAfter());
        assertTrue(verifies(cacheable, cert.serial()));
        assertFalse(cacheable.toJson().containsKey("invalidatedAt"));

        CacheableIdCertRepresentation ending = f.cacheable.of(cert.serial(), alice.answer().idCert(),
                f.now().plusSeconds(60), Optional.of(f.now()));
        assertEquals(now + 60, ending.cacheNotValidAfter(), "never past the certificate's end");
        assertEquals(now, ending.toJson().getJsonNumber("invalidatedAt").longValueExact());
        assertTrue(verifies(ending, cert.serial()));
        CacheableIdCertRepresentation forged = new CacheableIdCertRepresentation(ending.idCertPem(),
                OptionalLong.empty(), ending.cacheNotValidBefore(), ending.cacheNotValidAfter(),
                ending.cacheSignature());
        assertFalse(verifies(forged, cert.serial()), "dropping invalidatedAt breaks the signature");
    }

    @Test
    void deletingASessionInvalidatesItsCertificatesAndTellsTheOthers() {
        ServiceFixture.Issued laptop = f.issue("alice", "laptop");
        ServiceFixture.Issued phone = f.issue("alice", "phone");
        f.eventQueue.drain(ClientId.of(f.sessions.authenticate(laptop.token())));
        f.advance(Duration.ofSeconds(5));

        f.revocation.revoke(f.sessions.authenticate(laptop.token()), "phone");

        assertThrows(PolyprotoException.class, () -> f.sessions.authenticate(phone.token()));
        assertTrue(f.idCertStore.findValidAt(phone.fid(), "phone", f.now()).isEmpty());
        assertEquals(1, f.idCertStore.findValidAt(phone.fid(), "phone", f.now().minusSeconds(1)).size());
        List<QueuedEvent> events = f.eventQueue.drain(new ClientId(laptop.fid(), "laptop"));
        assertEquals(1, events.size());
        assertEquals("ACTOR_CERTIFICATE_INVALIDATION", events.get(0).event().type());
        assertEquals(f.now().getEpochSecond(), events.get(0).event().data().getJsonNumber("invalidatedAt")
                .longValueExact());

        PolyprotoException again = assertThrows(PolyprotoException.class,
                () -> f.revocation.revoke(f.sessions.authenticate(laptop.token()), "phone"));
        assertEquals("P2CORE_NOT_FOUND", again.code());
    }

    @Test
    void aKeyTrialOfAnOwnActorNeedsOnlyTheSerial() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        BigInteger serial = ParsedIdCert.parse(alice.certDer()).serial();
        String trial = f.challenge();

        String token = f.keyTrials.complete(trial, alice.key().sign(ServiceFixture.bytes(trial)), serial,
                Optional.of(alice.fid()), Optional.empty(), "192.0.2.1").token();

        assertEquals(alice.fid(), f.sessions.authenticate(token).fid());
        String next = f.challenge();
        assertEquals("P2CORE_IDCERT_INVALID", assertThrows(PolyprotoException.class, () -> f.keyTrials.complete(
                next, alice.key().sign(ServiceFixture.bytes(next)), serial.add(BigInteger.ONE),
                Optional.of(alice.fid()), Optional.empty(), "192.0.2.1")).code());
        assertEquals("P2CORE_IDCERT_INVALID", assertThrows(PolyprotoException.class, () -> f.keyTrials.complete(
                next, alice.key().sign(ServiceFixture.bytes(next)), serial,
                Optional.of(ServiceFixture.fid("bob")), Optional.of(alice.answer().idCert()), "192.0.2.1")).code());
        assertEquals("P2CORE_BAD_REQUEST", assertThrows(PolyprotoException.class, () -> f.keyTrials.complete(
                next, alice.key().sign(ServiceFixture.bytes(next)), serial,
                Optional.of(new FederationId("bob", "elsewhere.example")), Optional.empty(), "192.0.2.1")).code());
    }

    @Test
    void aSensitiveActionNeedsASolutionTheVerifierAccepts() {
        AtomicInteger asked = new AtomicInteger();
        SensitiveActions gate = new SensitiveActions();
        gate.verifier = (actor, action, solution) -> {
            asked.incrementAndGet();
            return action == SensitiveAction.NEW_ID_CERT && solution.equals("right");
        };
        FederationId alice = ServiceFixture.fid("alice");

        assertEquals("P2CORE_SENSITIVE_SOLUTION_REQUIRED", assertThrows(PolyprotoException.class,
                () -> gate.require(alice, SensitiveAction.NEW_ID_CERT, null)).code());
        assertEquals("P2CORE_SENSITIVE_SOLUTION_REQUIRED", assertThrows(PolyprotoException.class,
                () -> gate.require(alice, SensitiveAction.NEW_ID_CERT, "")).code());
        assertEquals(0, asked.get(), "a missing solution is not checked");
        PolyprotoException wrong = assertThrows(PolyprotoException.class,
                () -> gate.require(alice, SensitiveAction.NEW_ID_CERT, "wrong"));
        assertEquals(403, wrong.status());
        assertEquals("P2CORE_SENSITIVE_SOLUTION_INVALID", assertThrows(PolyprotoException.class,
                () -> gate.require(alice, SensitiveAction.NEW_ID_CERT, "x".repeat(1025))).code());
        assertEquals(1, asked.get(), "an overlong solution is not checked");
        gate.require(alice, SensitiveAction.NEW_ID_CERT, "right");
        assertThrows(PolyprotoException.class, () -> gate.require(alice, SensitiveAction.ROTATE_SERVER_KEY,
                "right"));
    }

    private boolean verifies(CacheableIdCertRepresentation cert, BigInteger serial) {
        byte[] serverKey = ParsedIdCert.parse(PemCodec.decode(f.serverKeys.current().key().certificatePem())
                .orElseThrow()).publicKey();
        return StrictEd25519.verify(serverKey, CacheableIdCertRepresentation.signedText(serial,
                cert.cacheNotValidBefore(), cert.cacheNotValidAfter(), cert.invalidatedAt()),
                HexFormat.of().parseHex(cert.cacheSignature()));
    }
}
