package org.polyproto.jakarta.internal.mls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.testing.TestActor;
import org.polyproto.jakarta.testing.TestKeyPackage;

/** Each rule of {@link KeyPackageRules}, broken one at a time in a package that is otherwise valid. */
class KeyPackageRulesTest {

    private static final String FID = "alice@example.com";
    private static final Instant NOW = Instant.now();

    private final TestActor key = TestActor.generate();
    private final byte[] idCert = key.selfSignedCertificate(TestActor.subject("alice", "example.com", "s1"), false,
            0x80, NOW.minusSeconds(60), NOW.plusSeconds(3600));
    private final KeyPackageRules rules = new KeyPackageRules(Duration.ofDays(100), Duration.ofSeconds(60));
    private final KeyPackageRules.Uploader uploader = new KeyPackageRules.Uploader(FederationId.parse(FID), idCert,
            key.publicKey());

    private TestKeyPackage valid() {
        return TestKeyPackage.of(key, FID);
    }

    @Test
    void aValidPackageIsKeptWithItsInitKeyHashAndExpiry() throws Exception {
        TestKeyPackage kp = valid().lifetime(NOW.getEpochSecond() - 10, NOW.getEpochSecond() + 86_400);
        KeyPackageRules.Checked checked = rules.check(kp.base64(), uploader, NOW);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kp.initKey())),
                checked.stored().initKeyHash());
        assertEquals(Instant.ofEpochSecond(NOW.getEpochSecond() + 86_400), checked.stored().expiresAt());
        assertFalse(checked.lastResortExtension());

        assertTrue(rules.check(valid().bare().base64(), uploader, NOW).stored().keyPackage().length() > 100);
        assertTrue(rules.check(valid().x509Credential(idCert).base64(), uploader, NOW) != null);
        assertTrue(rules.check(valid().lastResort().base64(), uploader, NOW).lastResortExtension());
    }

    @Test
    void oneEncodingIsStoredWhateverBase64AlphabetCarriedIt() {
        byte[] encoded = valid().encode();
        String standard = Base64.getEncoder().encodeToString(encoded);
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(encoded);
        assertEquals(standard, rules.check(url, uploader, NOW).stored().keyPackage());
    }

    @Test
    void aPackageBoundToAnotherKeyOrActorIsRefused() {
        TestActor other = TestActor.generate();
        assertEquals("its signature_key is not the key of this session's ID-Cert", refusal(valid().signedBy(other)));
        assertEquals("its basic credential's identity is not the actor's federation ID",
                refusal(valid().basicCredential("mallory@example.com")));
        assertEquals("its X.509 credential's leaf certificate is not this session's ID-Cert",
                refusal(valid().x509Credential(other.selfSignedCertificate(TestActor.subject("alice", "example.com",
                        "s1"), false, 0x80, NOW.minusSeconds(60), NOW.plusSeconds(3600)))));
    }

    @Test
    void badSignaturesAreRefused() {
        TestActor other = TestActor.generate();
        assertEquals("its LeafNode signature does not verify", refusal(valid().leafSignedBy(other)));
        assertEquals("its KeyPackage signature does not verify", refusal(valid().packageSignedBy(other)));
    }

    @Test
    void lifetimesMustHoldNowAndNotBeAbsurd() {
        long now = NOW.getEpochSecond();
        assertEquals("its lifetime has ended", refusal(valid().lifetime(now - 7200, now - 1)));
        assertEquals("its lifetime has ended", refusal(valid().lifetime(now - 7200, now)));
        assertEquals("its lifetime has not begun", refusal(valid().lifetime(now + 120, now + 7200)));
        rules.check(valid().lifetime(now + 30, now + 7200).base64(), uploader, NOW);
        assertEquals("its lifetime is longer than 100 days", refusal(valid().lifetime(now - 1,
                now + Duration.ofDays(100).toSeconds())));
        assertEquals("its lifetime is not a time range", refusal(valid().lifetime(now + 10, now - 10)));
        assertEquals("its lifetime is not a time range", refusal(valid().lifetime(now, -1)));
    }

    @Test
    void suitesKeysAndEncodingsOutsideTheProfileAreRefused() {
        assertEquals("its cipher suite 0x0003 is not supported (0x0001 is)", refusal(valid().cipherSuite(3)));
        assertEquals("its cipher suite 0x0002 is not supported (0x0001 is)", refusal(valid().cipherSuite(2)));
        byte[] same = new byte[32];
        same[0] = 7;
        assertEquals("its init_key equals its encryption_key", refusal(valid().initKey(same).encryptionKey(same)));
        assertEquals("its init_key and encryption_key must be X25519 keys of 32 bytes",
                refusal(valid().initKey(new byte[33])));
        assertEquals("it is not an RFC 9420 KeyPackage (1 bytes follow the end of the KeyPackage)",
                refusal(valid().trailing(new byte[] {9})));
        assertEquals("it is not an RFC 9420 KeyPackage (protocol version 2 is not mls10 (1))",
                refusal(valid().version(2)));
        assertEquals("it is not base64", assertThrows(InvalidKeyPackageException.class,
                () -> rules.check("not base64!", uploader, NOW)).getMessage());
        assertEquals("it is not an RFC 9420 KeyPackage (protocol version 0 is not mls10 (1))",
                assertThrows(InvalidKeyPackageException.class, () -> rules.check("AAAA", uploader, NOW))
                        .getMessage());
    }

    private String refusal(TestKeyPackage kp) {
        return assertThrows(InvalidKeyPackageException.class, () -> rules.check(kp.base64(), uploader, NOW))
                .getMessage();
    }
}
