package org.polyproto.jakarta.internal.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.testing.TestActor;

class VerifiedSignaturesTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final Key older = new Key("older");
    private final Key newer = new Key("newer");
    private final AtomicInteger verifications = new AtomicInteger();
    private final BiPredicate<ParsedIdCert, byte[]> counting = (cert, key) -> {
        verifications.incrementAndGet();
        return cert.isSignedBy(key);
    };

    @Test
    void aCertificatePresentedAgainIsNotVerifiedAgain() {
        VerifiedSignatures verified = new VerifiedSignatures(10, counting);
        ParsedIdCert cert = older.signs("alice");

        assertEquals(Optional.of(older), verified.signerOf(cert, List.of(newer, older), Key::publicKey));
        assertEquals(2, verifications.get());
        assertEquals(Optional.of(older), verified.signerOf(ParsedIdCert.parse(cert.der()), List.of(newer, older),
                Key::publicKey));
        assertEquals(2, verifications.get());
    }

    @Test
    void whatDidNotVerifyIsNotRememberedAndAlteredBytesAreVerifiedOnTheirOwn() {
        VerifiedSignatures verified = new VerifiedSignatures(10, counting);
        ParsedIdCert cert = older.signs("alice");
        verified.signerOf(cert, List.of(older), Key::publicKey);
        byte[] altered = cert.der().clone();
        altered[altered.length - 1] ^= 1;

        assertEquals(Optional.empty(), verified.signerOf(ParsedIdCert.parse(altered), List.of(older), Key::publicKey));
        assertEquals(Optional.empty(), verified.signerOf(newer.signs("mallory"), List.of(older), Key::publicKey));
        assertEquals(1, verified.size());
        assertEquals(Optional.empty(), verified.signerOf(ParsedIdCert.parse(altered), List.of(older), Key::publicKey));
        assertEquals(4, verifications.get());
    }

    @Test
    void aRememberedKeyThatIsNoLongerACandidateSignsNothing() {
        VerifiedSignatures verified = new VerifiedSignatures(10, counting);
        ParsedIdCert cert = older.signs("alice");
        verified.signerOf(cert, List.of(older), Key::publicKey);

        assertEquals(Optional.empty(), verified.signerOf(cert, List.of(newer), Key::publicKey));
        assertEquals(2, verifications.get());
    }

    @Test
    void atMostMaxEntriesAreKeptAndTheLeastRecentlyUsedGoesFirst() {
        VerifiedSignatures verified = new VerifiedSignatures(2, counting);
        ParsedIdCert a = older.signs("a");
        ParsedIdCert b = older.signs("b");
        ParsedIdCert c = older.signs("c");
        verified.signerOf(a, List.of(older), Key::publicKey);
        verified.signerOf(b, List.of(older), Key::publicKey);
        verified.signerOf(a, List.of(older), Key::publicKey);
        verified.signerOf(c, List.of(older), Key::publicKey);
        assertEquals(3, verifications.get());
        assertEquals(2, verified.size());

        verified.signerOf(a, List.of(older), Key::publicKey);
        assertEquals(3, verifications.get());
        verified.signerOf(b, List.of(older), Key::publicKey);
        assertEquals(4, verifications.get());
        assertEquals(2, verified.size());
    }

    private record Key(String name, byte[] privateKey, byte[] publicKey) {
        Key(String name) {
            this(name, StrictEd25519.generatePrivateKey(RANDOM));
        }

        Key(String name, byte[] privateKey) {
            this(name, privateKey, StrictEd25519.publicKey(privateKey));
        }

        ParsedIdCert signs(String actor) {
            return ParsedIdCert.parse(certificate(actor, privateKey));
        }

        private static byte[] certificate(String actor, byte[] signer) {
            TestActor key = TestActor.generate();
            return IdCertFactory.actorCertificate(ParsedCsr.parse(key.csrDer(TestActor.subject(actor, "example.com",
                            "s1"))), signer, PolyprotoNames.serverName("example.com"), BigInteger.TEN,
                    NOW.minusSeconds(60), NOW.plusSeconds(3600));
        }
    }
}
