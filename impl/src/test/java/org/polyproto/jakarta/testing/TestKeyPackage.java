package org.polyproto.jakarta.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes RFC 9420 KeyPackages for tests, independently of the module's reader: a builder whose every field can be
 * set wrong on purpose. By default a valid package of suite 0x0001 for {@code signer}'s key with a basic credential
 * naming the actor, a lifetime from a minute ago to a week ahead, both signatures made with {@code SignWithLabel},
 * encoded as an {@code MLSMessage}.
 */
public final class TestKeyPackage {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int EXTENSION_LAST_RESORT = 0x000a;

    private int version = 1;
    private int cipherSuite = 0x0001;
    private byte[] initKey = random(32);
    private byte[] encryptionKey = random(32);
    private byte[] signatureKey;
    private int credentialType = 1;
    private byte[] credentialData;
    private long notBefore = Instant.now().getEpochSecond() - 60;
    private long notAfter = Instant.now().getEpochSecond() + 7 * 86_400;
    private final List<Integer> keyPackageExtensions = new ArrayList<>();
    private TestActor leafSigner;
    private TestActor packageSigner;
    private boolean message = true;
    private byte[] trailing = new byte[0];

    private TestKeyPackage(TestActor signer, String fid) {
        this.signatureKey = signer.publicKey();
        this.credentialData = fid.getBytes(StandardCharsets.UTF_8);
        this.leafSigner = signer;
        this.packageSigner = signer;
    }

    /** A valid package of {@code fid} for the key of {@code signer}. */
    public static TestKeyPackage of(TestActor signer, String fid) {
        return new TestKeyPackage(signer, fid);
    }

    public TestKeyPackage version(int v) {
        version = v;
        return this;
    }

    public TestKeyPackage cipherSuite(int suite) {
        cipherSuite = suite;
        return this;
    }

    public TestKeyPackage initKey(byte[] key) {
        initKey = key.clone();
        return this;
    }

    public byte[] initKey() {
        return initKey.clone();
    }

    public TestKeyPackage encryptionKey(byte[] key) {
        encryptionKey = key.clone();
        return this;
    }

    /** The LeafNode's signature_key, and the key both signatures are made with, become {@code other}'s. */
    public TestKeyPackage signedBy(TestActor other) {
        signatureKey = other.publicKey();
        leafSigner = other;
        packageSigner = other;
        return this;
    }

    public TestKeyPackage leafSignedBy(TestActor other) {
        leafSigner = other;
        return this;
    }

    public TestKeyPackage packageSignedBy(TestActor other) {
        packageSigner = other;
        return this;
    }

    public TestKeyPackage basicCredential(String identity) {
        credentialType = 1;
        credentialData = identity.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** An X.509 credential whose chain is this one certificate. */
    public TestKeyPackage x509Credential(byte[] der) {
        credentialType = 2;
        credentialData = der.clone();
        return this;
    }

    public TestKeyPackage lifetime(long notBeforeSeconds, long notAfterSeconds) {
        notBefore = notBeforeSeconds;
        notAfter = notAfterSeconds;
        return this;
    }

    public TestKeyPackage lastResort() {
        keyPackageExtensions.add(EXTENSION_LAST_RESORT);
        return this;
    }

    /** A bare KeyPackage instead of an MLSMessage. */
    public TestKeyPackage bare() {
        message = false;
        return this;
    }

    public TestKeyPackage trailing(byte[] bytes) {
        trailing = bytes.clone();
        return this;
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(encode());
    }

    public byte[] encode() {
        ByteArrayOutputStream leafTbs = new ByteArrayOutputStream();
        vector(leafTbs, encryptionKey);
        vector(leafTbs, signatureKey);
        u16(leafTbs, credentialType);
        if (credentialType == 2) {
            ByteArrayOutputStream certificates = new ByteArrayOutputStream();
            vector(certificates, credentialData);
            vector(leafTbs, certificates.toByteArray());
        } else {
            vector(leafTbs, credentialData);
        }
        vector(leafTbs, u16s(1));
        vector(leafTbs, u16s(0x0001));
        vector(leafTbs, u16s());
        vector(leafTbs, u16s());
        vector(leafTbs, u16s(1, 2));
        leafTbs.write(1);
        u64(leafTbs, notBefore);
        u64(leafTbs, notAfter);
        vector(leafTbs, new byte[0]);
        byte[] leafNodeTbs = leafTbs.toByteArray();

        ByteArrayOutputStream tbs = new ByteArrayOutputStream();
        u16(tbs, version);
        u16(tbs, cipherSuite);
        vector(tbs, initKey);
        tbs.writeBytes(leafNodeTbs);
        vector(tbs, signWithLabel(leafSigner, "LeafNodeTBS", leafNodeTbs));
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        for (int type : keyPackageExtensions) {
            u16(extensions, type);
            vector(extensions, new byte[0]);
        }
        vector(tbs, extensions.toByteArray());
        byte[] keyPackageTbs = tbs.toByteArray();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (message) {
            u16(out, 1);
            u16(out, 5);
        }
        out.writeBytes(keyPackageTbs);
        vector(out, signWithLabel(packageSigner, "KeyPackageTBS", keyPackageTbs));
        out.writeBytes(trailing);
        return out.toByteArray();
    }

    /** RFC 9420 §5.1.2 over {@code content}, as an independent implementation writes it. */
    public static byte[] signWithLabel(TestActor key, String label, byte[] content) {
        ByteArrayOutputStream signContent = new ByteArrayOutputStream();
        vector(signContent, ("MLS 1.0 " + label).getBytes(StandardCharsets.US_ASCII));
        vector(signContent, content);
        return key.sign(signContent.toByteArray());
    }

    private static byte[] u16s(int... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v : values) {
            u16(out, v);
        }
        return out.toByteArray();
    }

    private static void vector(ByteArrayOutputStream out, byte[] bytes) {
        int n = bytes.length;
        if (n <= 63) {
            out.write(n);
        } else if (n <= 16383) {
            u16(out, 0x4000 | n);
        } else {
            u16(out, 0x8000 | n >>> 16);
            u16(out, n & 0xffff);
        }
        out.writeBytes(bytes);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void u64(ByteArrayOutputStream out, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
