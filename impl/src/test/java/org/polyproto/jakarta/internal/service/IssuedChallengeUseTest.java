package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.internal.service.ServiceFixture.bytes;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;

/**
 * Identify with the optional {@link org.polyproto.jakarta.spi.storage.IssuedChallengeUse}: one call uses the
 * challenge and checks a home actor's issued record, and a false answer only sends identify to the separate calls,
 * which refuse or accept as they would without it.
 */
class IssuedChallengeUseTest {

    private final ServiceFixture f = new ServiceFixture();
    private final List<BigInteger> asked = new ArrayList<>();

    /** The capability over the fixture's in-memory stores, as its contract words it. */
    private void offerTheCapability() {
        f.opening.issuedUse = (challenge, fid, certSerial, certPem, signerSerial, now) -> {
            asked.add(certSerial);
            boolean onRecord = f.idCertStore.find(certSerial).filter(r -> r.fid().equals(fid))
                    .filter(r -> r.pem().equals(certPem))
                    .filter(r -> r.invalidatedAt().filter(at -> !now.isBefore(at)).isEmpty()).isPresent();
            return onRecord && f.custody.inForce(signerSerial) && f.challengeStore.use(challenge);
        };
    }

    @Test
    void aHomeActorsIdentifyAsksOnceAndUsesTheChallenge() {
        offerTheCapability();
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        String challenge = f.challenge();

        String token = f.identify(challenge, alice.key().sign(bytes(challenge)), alice.certDer()).token();

        assertEquals(List.of(ParsedIdCert.parse(alice.certDer()).serial()), asked);
        assertTrue(f.challengeStore.isUsed(challenge));
        assertEquals(alice.fid(), f.sessions.authenticate(token).fid());
        PolyprotoException again = assertThrows(PolyprotoException.class,
                () -> f.identify(challenge, alice.key().sign(bytes(challenge)), alice.certDer()));
        assertEquals("P2CORE_CHALLENGE_INVALID", again.code(), "a used challenge, told by the separate use");
    }

    @Test
    void anInvalidatedCertificateIsRefusedAndItsChallengeBurnt() {
        offerTheCapability();
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        BigInteger serial = ParsedIdCert.parse(alice.certDer()).serial();
        f.idCertStore.invalidate(serial, f.now());
        String challenge = f.challenge();

        PolyprotoException refused = assertThrows(PolyprotoException.class,
                () -> f.identify(challenge, alice.key().sign(bytes(challenge)), alice.certDer()));

        assertEquals("P2CORE_IDCERT_INVALID", refused.code());
        assertEquals(List.of(serial), asked);
        assertTrue(f.challengeStore.isUsed(challenge), "the refusal used the challenge up");
    }

    @Test
    void aCertificateOfAKeyRetiredOnAnotherNodeIsRefused() {
        offerTheCapability();
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        f.advance(Duration.ofSeconds(1));
        f.anotherNode().rotate();

        PolyprotoException refused = assertThrows(PolyprotoException.class,
                () -> f.identify(alice.key(), alice.certDer()));

        assertEquals("P2CORE_IDCERT_INVALID", refused.code());
        assertEquals(1, asked.size(), "this node's copy still had the retired key in force");
    }

    @Test
    void aFalseAnswerNeverRefusesByItself() {
        f.opening.issuedUse = (challenge, fid, certSerial, certPem, signerSerial, now) -> {
            asked.add(certSerial);
            return false;
        };
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        String challenge = f.challenge();

        String token = f.identify(challenge, alice.key().sign(bytes(challenge)), alice.certDer()).token();

        assertEquals(alice.fid(), f.sessions.authenticate(token).fid());
        assertTrue(f.challengeStore.isUsed(challenge));
        assertEquals(1, asked.size());
    }
}
