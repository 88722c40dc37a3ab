package org.polyproto.jakarta.internal.mls;

import java.util.List;

/**
 * An RFC 9420 KeyPackage (§10) as read, with the bytes each of its two signatures covers. Only LeafNodes of source
 * {@code key_package} are read, so the lifetime is always present.
 *
 * @param tbs the encoded {@code KeyPackageTBS} (the KeyPackage without its signature)
 */
public record MlsKeyPackage(int version, int cipherSuite, byte[] initKey, LeafNode leafNode,
                            List<Extension> extensions, byte[] signature, byte[] tbs) {

    public static final int MLS10 = 1;
    public static final int LEAF_NODE_SOURCE_KEY_PACKAGE = 1;
    public static final int CREDENTIAL_BASIC = 1;
    public static final int CREDENTIAL_X509 = 2;
    /** {@code last_resort} (draft-ietf-mls-extensions, IANA MLS Extension Types). */
    public static final int EXTENSION_LAST_RESORT = 0x000a;

    public boolean hasExtension(int type) {
        return extensions.stream().anyMatch(e -> e.type() == type);
    }

    /**
     * @param tbs the encoded {@code LeafNodeTBS}: for source {@code key_package}, the LeafNode without its
     *            signature
     */
    public record LeafNode(byte[] encryptionKey, byte[] signatureKey, Credential credential,
                           Capabilities capabilities, long notBefore, long notAfter, List<Extension> extensions,
                           byte[] signature, byte[] tbs) {
    }

    /** A basic credential has an {@code identity}; an X.509 one {@code certificates}, leaf first. */
    public record Credential(int type, byte[] identity, List<byte[]> certificates) {
    }

    public record Capabilities(List<Integer> versions, List<Integer> cipherSuites, List<Integer> extensions,
                               List<Integer> proposals, List<Integer> credentials) {
    }

    public record Extension(int type, byte[] data) {
    }
}
