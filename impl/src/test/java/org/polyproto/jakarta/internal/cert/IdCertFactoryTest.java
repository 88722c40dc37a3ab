package org.polyproto.jakarta.internal.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.testing.TestActor;

class IdCertFactoryTest {

    private final SecureRandom random = new SecureRandom();
    private final byte[] serverKey = StrictEd25519.generatePrivateKey(random);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void serialsArePositiveAndFitTwentyOctets() {
        int beyondALong = 0;
        for (int i = 0; i < 1000; i++) {
            BigInteger serial = IdCertFactory.newSerial(random);
            assertTrue(serial.signum() > 0 && serial.toByteArray().length <= 20, serial::toString);
            beyondALong += serial.bitLength() > 63 ? 1 : 0;
        }
        assertTrue(beyondALong > 990, "issued serials exercise the large-serial path: " + beyondALong);
    }

    @Test
    void aSerialOfMoreThanTwentyOctetsIsMalformed() {
        byte[] der = IdCertFactory.serverCertificate(serverKey, "example.com", BigInteger.ONE.shiftLeft(160), now,
                now.plus(Duration.ofDays(1)));
        PolyprotoException e = org.junit.jupiter.api.Assertions.assertThrows(PolyprotoException.class,
                () -> ParsedIdCert.parse(der));
        assertEquals("P2CORE_IDCERT_MALFORMED", e.code());
        assertEquals(BigInteger.ONE.shiftLeft(158), ParsedIdCert.parse(IdCertFactory.serverCertificate(serverKey,
                "example.com", BigInteger.ONE.shiftLeft(158), now, now.plus(Duration.ofDays(1)))).serial());
    }

    @Test
    void theServerCertificateIsASelfSignedCaForItsDomain() throws Exception {
        byte[] der = IdCertFactory.serverCertificate(serverKey, "example.com", BigInteger.TEN, now,
                now.plus(Duration.ofDays(365)));
        ParsedIdCert parsed = ParsedIdCert.parse(der);
        assertTrue(parsed.capabilities().fitsHomeServer());
        assertTrue(parsed.isSignedBy(StrictEd25519.publicKey(serverKey)));
        assertEquals("example.com", PolyprotoNames.requireServerName(parsed.subject(),
                org.polyproto.jakarta.api.ErrorCode.IDCERT_MALFORMED));
        X509Certificate jdk = jdk(der);
        jdk.verify(jdk.getPublicKey());
        assertEquals(0, jdk.getBasicConstraints());
        assertEquals("DC=example,DC=com", jdk.getSubjectX500Principal().getName());
    }

    @Test
    void anActorCertificateCopiesTheCsrAndPassesTheActorProfile() throws Exception {
        TestActor actor = TestActor.generate();
        ParsedCsr csr = ParsedCsr.parse(actor.csrDer(TestActor.subject("alice", "example.com", "s1")));
        byte[] der = IdCertFactory.actorCertificate(csr, serverKey, PolyprotoNames.serverName("example.com"),
                BigInteger.valueOf(77), now.minusSeconds(60), now.plus(Duration.ofDays(30)));
        ParsedIdCert cert = ParsedIdCert.parse(der);
        PolyprotoNames.ActorName name = cert.requireActorProfile();
        assertEquals("alice@example.com", name.fid().toString());
        assertEquals("s1", name.sessionId());
        assertEquals(BigInteger.valueOf(77), cert.serial());
        assertTrue(cert.isSignedBy(StrictEd25519.publicKey(serverKey)));
        assertFalse(cert.isSignedBy(actor.publicKey()));
        assertTrue(cert.isValidAt(now, Duration.ZERO));
        assertFalse(cert.isValidAt(now.minusSeconds(61), Duration.ZERO));
        assertTrue(cert.isValidAt(now.minusSeconds(119), Duration.ofSeconds(60)));
        assertFalse(cert.isValidAt(now.minusSeconds(121), Duration.ofSeconds(60)));
        X509Certificate jdk = jdk(der);
        jdk.verify(jdk(IdCertFactory.serverCertificate(serverKey, "example.com", BigInteger.ONE, now,
                now.plus(Duration.ofDays(1)))).getPublicKey());
        assertEquals(-1, jdk.getBasicConstraints());
        assertTrue(jdk.getKeyUsage()[0]);
    }

    @Test
    void aServerCertificateIsNotAnActorCertificate() {
        byte[] der = IdCertFactory.serverCertificate(serverKey, "example.com", BigInteger.TEN, now,
                now.plusSeconds(60));
        PolyprotoException e = assertThrows(PolyprotoException.class, () -> ParsedIdCert.parse(der)
                .requireActorProfile());
        assertEquals("P2CORE_IDCERT_MALFORMED", e.code());
    }

    @Test
    void truncatedOrPaddedCertificatesAreMalformed() {
        byte[] der = IdCertFactory.serverCertificate(serverKey, "example.com", BigInteger.TEN, now,
                now.plusSeconds(60));
        for (byte[] bad : new byte[][] {java.util.Arrays.copyOf(der, der.length - 1),
                java.util.Arrays.copyOf(der, der.length + 1), new byte[] {1, 2, 3}, new byte[0]}) {
            PolyprotoException e = assertThrows(PolyprotoException.class, () -> ParsedIdCert.parse(bad));
            assertEquals("P2CORE_IDCERT_MALFORMED", e.code());
        }
    }

    private static X509Certificate jdk(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }
}
