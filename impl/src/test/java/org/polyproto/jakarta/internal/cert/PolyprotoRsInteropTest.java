package org.polyproto.jakarta.internal.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.testing.PolyprotoRsEncoding;

/** Certificates and CSRs encoded the way polyproto-rs encodes them are read and verified. */
class PolyprotoRsInteropTest {

    private final SecureRandom random = new SecureRandom();
    private final byte[] serverSeed = StrictEd25519.generatePrivateKey(random);
    private final byte[] actorSeed = StrictEd25519.generatePrivateKey(random);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void readsAHomeServerCertificateWithPaddedKeyUsageAndAnEightBytePathLen() {
        byte[] der = PolyprotoRsEncoding.serverCertificate(serverSeed, "polyphony.chat", BigInteger.valueOf(4242),
                now.minusSeconds(10), now.plusSeconds(3600));
        ParsedIdCert cert = ParsedIdCert.parse(der);
        assertTrue(cert.capabilities().fitsHomeServer(), "keyCertSign read from the raw bits, cA from the BOOLEAN");
        assertTrue(cert.isSignedBy(StrictEd25519.publicKey(serverSeed)));
        assertEquals("polyphony.chat", PolyprotoNames.requireServerName(cert.subject(), ErrorCode.IDCERT_MALFORMED));
    }

    @Test
    void readsAnActorCertificateWithExplicitCaFalseAndReversedDn() {
        byte[] der = PolyprotoRsEncoding.actorCertificate(serverSeed, actorSeed, "flori", "polyphony.chat",
                "client1", BigInteger.valueOf(77), now.minusSeconds(10), now.plusSeconds(3600));
        ParsedIdCert cert = ParsedIdCert.parse(der);
        PolyprotoNames.ActorName actor = cert.requireActorProfile();
        assertEquals("flori@polyphony.chat", actor.fid().toString());
        assertEquals("client1", actor.sessionId());
        assertTrue(cert.isSignedBy(StrictEd25519.publicKey(serverSeed)), "verified over the original bytes");
        assertArrayEquals(der, cert.der());
    }

    @Test
    void readsACsrWithCapabilitiesAsAttributes() {
        byte[] der = PolyprotoRsEncoding.actorCsr(actorSeed, "flori", "polyphony.chat", "client1");
        ParsedCsr csr = ParsedCsr.parse(der);
        assertEquals("flori@polyphony.chat", csr.actor().fid().toString());
        assertArrayEquals(StrictEd25519.publicKey(actorSeed), csr.publicKey());
    }
}
