package org.polyproto.jakarta.internal.mls;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.internal.crypto.Sha256;
import org.polyproto.jakarta.spi.storage.StoredKeyPackage;

/**
 * What a KeyPackage must be to be kept for a client (RFC 9420 §10.1, §7.3; polyproto-mls): mls10, a supported
 * cipher suite, a LeafNode of source {@code key_package} valid now and not for longer than the cap, the uploading
 * session's ID-Cert key as its {@code signature_key}, a credential that names the actor, both {@code SignWithLabel}
 * signatures valid, and an {@code init_key} that is not the {@code encryption_key}. Uniqueness of the init key
 * across uploads is the store's part. Stateless and thread-safe.
 */
public final class KeyPackageRules {

    /** MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519, the suite polyproto-mls makes mandatory. */
    public static final Set<Integer> SUPPORTED_SUITES = Set.of(0x0001);
    private static final int X25519_KEY = 32;
    /** The extension types RFC 9420 §7.2 lets a LeafNode carry without listing them in its capabilities. */
    private static final Set<Integer> DEFAULT_EXTENSIONS = Set.of(1, 2, 3, 4, 5);

    private final Duration maxLifetime;
    private final Duration leeway;

    public KeyPackageRules(Duration maxLifetime, Duration leeway) {
        this.maxLifetime = maxLifetime;
        this.leeway = leeway;
    }

    /** Who uploads: the actor, the DER of its session's ID-Cert, and that certificate's Ed25519 key. */
    public record Uploader(FederationId fid, byte[] idCertDer, byte[] publicKey) {
    }

    /** A package that passed: what the store keeps, and whether it carries {@code last_resort}. */
    public record Checked(StoredKeyPackage stored, boolean lastResortExtension) {
    }

    /**
     * Decodes the base64 text and checks it.
     *
     * @throws InvalidKeyPackageException with the first rule it breaks
     */
    public Checked check(String base64, Uploader uploader, Instant now) {
        byte[] encoded = decodeBase64(base64);
        MlsKeyPackage kp;
        try {
            kp = KeyPackageDecoder.decode(encoded);
        } catch (MalformedMlsException e) {
            throw new InvalidKeyPackageException("it is not an RFC 9420 KeyPackage (" + e.getMessage() + ")");
        }
        MlsKeyPackage.LeafNode leaf = kp.leafNode();
        require(SUPPORTED_SUITES.contains(kp.cipherSuite()), String.format(
                "its cipher suite 0x%04x is not supported (0x0001 is)", kp.cipherSuite()));
        require(kp.initKey().length == X25519_KEY && leaf.encryptionKey().length == X25519_KEY,
                "its init_key and encryption_key must be X25519 keys of 32 bytes");
        require(!Arrays.equals(kp.initKey(), leaf.encryptionKey()), "its init_key equals its encryption_key");
        require(Arrays.equals(leaf.signatureKey(), uploader.publicKey()),
                "its signature_key is not the key of this session's ID-Cert");
        requireCredential(leaf.credential(), uploader);
        requireExtensionsListed(leaf);
        Instant notAfter = requireLifetime(leaf, now);
        require(SignWithLabel.verify(leaf.signatureKey(), "LeafNodeTBS", leaf.tbs(), leaf.signature()),
                "its LeafNode signature does not verify");
        require(SignWithLabel.verify(leaf.signatureKey(), "KeyPackageTBS", kp.tbs(), kp.signature()),
                "its KeyPackage signature does not verify");
        String canonical = Base64.getEncoder().encodeToString(encoded);
        return new Checked(new StoredKeyPackage(canonical, Sha256.hex(kp.initKey()), notAfter),
                kp.hasExtension(MlsKeyPackage.EXTENSION_LAST_RESORT));
    }

    private static void requireCredential(MlsKeyPackage.Credential credential, Uploader uploader) {
        if (credential.type() == MlsKeyPackage.CREDENTIAL_BASIC) {
            require(uploader.fid().toString().equals(new String(credential.identity(), StandardCharsets.UTF_8)),
                    "its basic credential's identity is not the actor's federation ID");
        } else {
            require(Arrays.equals(credential.certificates().get(0), uploader.idCertDer()),
                    "its X.509 credential's leaf certificate is not this session's ID-Cert");
        }
    }

    private static void requireExtensionsListed(MlsKeyPackage.LeafNode leaf) {
        for (MlsKeyPackage.Extension extension : leaf.extensions()) {
            require(DEFAULT_EXTENSIONS.contains(extension.type())
                    || leaf.capabilities().extensions().contains(extension.type()),
                    "its LeafNode carries extension " + extension.type() + " that its capabilities do not list");
        }
    }

    private Instant requireLifetime(MlsKeyPackage.LeafNode leaf, Instant now) {
        long notBefore = leaf.notBefore();
        long notAfter = leaf.notAfter();
        require(notBefore >= 0 && notAfter >= 0 && notBefore <= notAfter, "its lifetime is not a time range");
        require(notAfter - notBefore <= maxLifetime.toSeconds(),
                "its lifetime is longer than " + maxLifetime.toDays() + " days");
        require(notBefore <= now.plus(leeway).getEpochSecond(), "its lifetime has not begun");
        require(now.getEpochSecond() < notAfter, "its lifetime has ended");
        return Instant.ofEpochSecond(notAfter);
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException e2) {
                throw new InvalidKeyPackageException("it is not base64");
            }
        }
    }

    private static void require(boolean rule, String brokenBecause) {
        if (!rule) {
            throw new InvalidKeyPackageException(brokenBecause);
        }
    }
}
