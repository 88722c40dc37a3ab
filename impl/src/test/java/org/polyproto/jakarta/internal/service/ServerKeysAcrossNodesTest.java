package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.spi.storage.ClientId;

/**
 * A rotation on another node (a second {@link ServerKeys} over the same custody): this node serves the new key
 * within the refresh interval, and never issues under or trusts the retired one once the rotation has committed.
 */
class ServerKeysAcrossNodesTest {

    private final ServiceFixture f = new ServiceFixture(Map.of("polyproto.server-key.refresh", "PT2S"));

    @Test
    void thisNodeServesAnotherNodesRotationWithinTheRefreshInterval() {
        ServerKeys other = f.anotherNode();
        f.advance(Duration.ofSeconds(3));
        String before = f.serverKeys.current().key().certificatePem(); // this node reads its copy again now
        String rotated = other.rotate();

        f.advance(Duration.ofMillis(1999));
        assertEquals(before, f.serverKeys.current().key().certificatePem(), "a copy younger than the interval");
        f.advance(Duration.ofMillis(1));
        assertEquals(rotated, f.serverKeys.current().key().certificatePem());
    }

    @Test
    void aCustodyThatCannotAnswerLeavesTheCopyAsItIs() {
        String served = f.serverKeys.current().key().certificatePem();
        f.custody.down = true;
        f.advance(Duration.ofSeconds(5));

        assertEquals(served, f.serverKeys.current().key().certificatePem());
        f.custody.down = false;
        assertEquals(served, f.serverKeys.current().key().certificatePem());
    }

    @Test
    void anIssuanceRightAfterAnotherNodesRotationIsSignedWithTheNewKey() {
        f.issue("alice", "phone");
        f.advance(Duration.ofSeconds(1));
        String rotated = f.anotherNode().rotate();

        ServiceFixture.Issued bob = f.issue("bob", "laptop");

        assertTrue(parse(bob.answer().idCert()).isSignedBy(parse(rotated).publicKey()));
    }

    @Test
    void anIdentifyRightAfterAnotherNodesRotationRefusesACertOfTheRetiredKey() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        ServerKeys other = f.anotherNode();
        String before = f.serverKeys.current().key().certificatePem();
        f.advance(Duration.ofSeconds(1));
        String rotated = other.rotate();

        PolyprotoException refused = assertThrows(PolyprotoException.class,
                () -> f.identify(alice.key(), alice.certDer()));

        assertEquals("P2CORE_IDCERT_INVALID", refused.code());
        assertNotEquals(rotated, before);
        assertEquals(before, f.serverKeys.current().key().certificatePem(),
                "a refused certificate of the retired key did not make this node read the custody again");
    }

    @Test
    void withAJoinedLookupIdentifyReadsOnceAndStillRefusesACertOfTheRetiredKey() {
        List<BigInteger> asked = new ArrayList<>();
        f.certificateTrust.issuedLookup = (cert, signer) -> {
            asked.add(signer);
            return f.custody.inForce(signer) ? f.idCertStore.find(cert) : Optional.empty();
        };
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        BigInteger signer = f.serverKeys.current().key().serial();
        f.identify(alice.key(), alice.certDer());
        assertEquals(List.of(signer), asked, "one read for the record and its signer");

        ServerKeys other = f.anotherNode();
        f.advance(Duration.ofSeconds(1));
        other.rotate();
        PolyprotoException refused = assertThrows(PolyprotoException.class,
                () -> f.identify(alice.key(), alice.certDer()));

        assertEquals("P2CORE_IDCERT_INVALID", refused.code());
        assertEquals(List.of(signer, signer), asked, "this node's copy still had the retired key in force");
    }

    @Test
    void theServerKeyChangeIsQueuedOnceForEachSessionWhicheverNodeRotated() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        f.identify(alice.key(), alice.certDer());
        f.advance(Duration.ofSeconds(1));
        f.anotherNode().rotate();
        f.advance(Duration.ofSeconds(3));

        long changes = f.eventQueue.drain(new ClientId(alice.fid(), "phone")).stream()
                .filter(e -> e.event().type().equals("SERVER_KEY_CHANGE")).count();

        assertEquals(1, changes);
    }

    private static ParsedIdCert parse(String pem) {
        return ParsedIdCert.parse(PemCodec.decode(pem).orElseThrow());
    }
}
