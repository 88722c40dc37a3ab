package org.polyproto.jakarta.internal.mls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.testing.TestActor;
import org.polyproto.jakarta.testing.TestKeyPackage;

/**
 * The reader against RFC 9420's official test vectors (mlswg/mls-implementations: {@code messages.json}'s
 * {@code mls_key_package}, {@code crypto-basics.json}'s {@code sign_with_label}) and against malformed encodings.
 */
class KeyPackageDecoderTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void everyKeyPackageOfTheOfficialVectorsDecodesToItsLastByte() {
        List<String> vectors = vector("messages-key-packages.json").getJsonArray("mls_key_package")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        assertEquals(40, vectors.size());
        int suiteOne = 0;
        for (String hex : vectors) {
            byte[] message = HEX.parseHex(hex);
            MlsKeyPackage kp = KeyPackageDecoder.decode(message);
            assertEquals(MlsKeyPackage.MLS10, kp.version());
            assertArrayEquals(Arrays.copyOfRange(message, 4, 4 + kp.tbs().length), kp.tbs(), "TBS is the prefix");
            if (kp.cipherSuite() == 0x0001) {
                suiteOne++;
                assertEquals(32, kp.initKey().length);
                assertEquals(32, kp.leafNode().signatureKey().length);
            }
        }
        assertEquals(20, suiteOne);
    }

    @Test
    void theSuiteOneVectorsCarrySignaturesTheReaderFindsValid() {
        List<String> vectors = vector("messages-key-packages.json").getJsonArray("mls_key_package")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).limit(20).toList();
        int leafValid = 0;
        int packageValid = 0;
        for (String hex : vectors) {
            MlsKeyPackage kp = KeyPackageDecoder.decode(HEX.parseHex(hex));
            MlsKeyPackage.LeafNode leaf = kp.leafNode();
            leafValid += SignWithLabel.verify(leaf.signatureKey(), "LeafNodeTBS", leaf.tbs(), leaf.signature()) ? 1 : 0;
            packageValid += SignWithLabel.verify(leaf.signatureKey(), "KeyPackageTBS", kp.tbs(), kp.signature())
                    ? 1 : 0;
        }
        assertEquals(20, leafValid, "LeafNode signatures that verify");
        assertEquals(20, packageValid, "KeyPackage signatures that verify");
    }

    @Test
    void signWithLabelVerifiesTheOfficialVectorAndNothingElse() {
        JsonObject v = vector("crypto-basics-suite1.json").getJsonObject("sign_with_label");
        byte[] pub = HEX.parseHex(v.getString("pub"));
        byte[] content = HEX.parseHex(v.getString("content"));
        byte[] signature = HEX.parseHex(v.getString("signature"));
        String label = v.getString("label");
        assertTrue(SignWithLabel.verify(pub, label, content, signature));

        assertFalse(SignWithLabel.verify(pub, label + "x", content, signature), "another label");
        byte[] otherContent = content.clone();
        otherContent[0] ^= 1;
        assertFalse(SignWithLabel.verify(pub, label, otherContent, signature), "other content");
        assertFalse(SignWithLabel.verify(pub, label, content, new byte[64]), "another signature");
    }

    @Test
    void aBareKeyPackageAndAnMlsMessageDecodeAlike() {
        TestActor key = TestActor.generate();
        byte[] initKey = TestKeyPackage.of(key, "alice@example.com").initKey();
        MlsKeyPackage message = KeyPackageDecoder.decode(TestKeyPackage.of(key, "alice@example.com")
                .initKey(initKey).encode());
        MlsKeyPackage bare = KeyPackageDecoder.decode(TestKeyPackage.of(key, "alice@example.com").initKey(initKey)
                .bare().encode());
        assertArrayEquals(message.initKey(), bare.initKey());
        assertArrayEquals(key.publicKey(), bare.leafNode().signatureKey());
        assertEquals("alice@example.com", new String(bare.leafNode().credential().identity(),
                StandardCharsets.UTF_8));
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] good = TestKeyPackage.of(TestActor.generate(), "alice@example.com").trailing(new byte[] {0}).encode();
        assertEquals("1 bytes follow the end of the KeyPackage", refusal(good));
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] good = TestKeyPackage.of(TestActor.generate(), "alice@example.com").encode();
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThrows(MalformedMlsException.class, () -> KeyPackageDecoder.decode(cut), "length " + length);
        }
    }

    @Test
    void lengthsMustBeMinimalAndNotReserved() {
        assertEquals("the length of init_key is not minimally encoded", refusal(HEX.parseHex("0001" + "0001"
                + "4020" + "00".repeat(32))));
        assertEquals("the length of init_key has the reserved prefix 0b11", refusal(HEX.parseHex("0001" + "0001"
                + "c0")));
        assertEquals("init_key has 300 bytes, more than 133", refusal(HEX.parseHex("0001" + "0001" + "412c"
                + "00".repeat(300))));
    }

    @Test
    void otherVersionsSourcesAndCredentialTypesAreRefused() {
        assertEquals("protocol version 2 is not mls10 (1)", refusal(HEX.parseHex("00020001")));
        assertEquals("protocol version 2 is not mls10 (1)", refusal(HEX.parseHex("000100050002")));
        assertEquals("a KeyPackage has at most 12288 bytes", refusal(new byte[12_289]));
    }

    private static String refusal(byte[] encoded) {
        return assertThrows(MalformedMlsException.class, () -> KeyPackageDecoder.decode(encoded)).getMessage();
    }

    static JsonObject vector(String name) {
        try (InputStream in = KeyPackageDecoderTest.class.getResourceAsStream("/mls/" + name)) {
            return Json.createReader(in).readObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
