package org.polyproto.jakarta.internal.mls;

import java.util.ArrayList;
import java.util.List;
import org.polyproto.jakarta.internal.mls.MlsKeyPackage.Capabilities;
import org.polyproto.jakarta.internal.mls.MlsKeyPackage.Credential;
import org.polyproto.jakarta.internal.mls.MlsKeyPackage.Extension;
import org.polyproto.jakarta.internal.mls.MlsKeyPackage.LeafNode;

/**
 * Reads a KeyPackage from an {@code MLSMessage} of wire format {@code mls_key_package} or from a bare
 * {@code KeyPackage} (RFC 9420 §6, §10). Both begin with the version {@code mls10}; a message has wire format 5
 * next, where a bare package has its cipher suite. Suite 5 is not one this server supports, so the two never need
 * telling apart beyond that. Every vector is bounded, and nothing may follow the package.
 */
public final class KeyPackageDecoder {

    /** The largest encoded KeyPackage accepted, in bytes. */
    public static final int MAX_SIZE = 12_288;
    private static final int WIRE_FORMAT_KEY_PACKAGE = 5;
    private static final int MAX_KEY = 133;
    private static final int MAX_SIGNATURE = 256;
    private static final int MAX_IDENTITY = 1_024;
    private static final int MAX_CERTIFICATES = 8_192;
    private static final int MAX_CERTIFICATE = 4_096;
    private static final int MAX_LIST = 128;
    private static final int MAX_EXTENSIONS = 4_096;

    private KeyPackageDecoder() {
    }

    public static MlsKeyPackage decode(byte[] encoded) {
        if (encoded.length > MAX_SIZE) {
            throw new MalformedMlsException("a KeyPackage has at most " + MAX_SIZE + " bytes");
        }
        TlsReader in = new TlsReader(encoded);
        requireMls10(in.u16("version"));
        int start = 0;
        int suite = in.u16("wire format or cipher suite");
        if (suite == WIRE_FORMAT_KEY_PACKAGE) {
            start = in.position();
            requireMls10(in.u16("KeyPackage version"));
            suite = in.u16("cipher suite");
        }
        byte[] initKey = in.opaque("init_key", MAX_KEY);
        LeafNode leaf = leafNode(in);
        List<Extension> extensions = extensions(in);
        byte[] tbs = in.slice(start);
        byte[] signature = in.opaque("KeyPackage signature", MAX_SIGNATURE);
        in.end("the KeyPackage");
        return new MlsKeyPackage(MlsKeyPackage.MLS10, suite, initKey, leaf, extensions, signature, tbs);
    }

    private static LeafNode leafNode(TlsReader in) {
        int start = in.position();
        byte[] encryptionKey = in.opaque("encryption_key", MAX_KEY);
        byte[] signatureKey = in.opaque("signature_key", MAX_KEY);
        Credential credential = credential(in);
        Capabilities capabilities = new Capabilities(uint16s(in, "capabilities.versions"),
                uint16s(in, "capabilities.cipher_suites"), uint16s(in, "capabilities.extensions"),
                uint16s(in, "capabilities.proposals"), uint16s(in, "capabilities.credentials"));
        int source = in.u8("leaf_node_source");
        if (source != MlsKeyPackage.LEAF_NODE_SOURCE_KEY_PACKAGE) {
            throw new MalformedMlsException("the LeafNode's leaf_node_source is " + source + ", not key_package (1)");
        }
        long notBefore = in.u64("lifetime.not_before");
        long notAfter = in.u64("lifetime.not_after");
        List<Extension> extensions = extensions(in);
        byte[] tbs = in.slice(start);
        byte[] signature = in.opaque("LeafNode signature", MAX_SIGNATURE);
        return new LeafNode(encryptionKey, signatureKey, credential, capabilities, notBefore, notAfter, extensions,
                signature, tbs);
    }

    private static Credential credential(TlsReader in) {
        int type = in.u16("credential_type");
        if (type == MlsKeyPackage.CREDENTIAL_BASIC) {
            return new Credential(type, in.opaque("credential identity", MAX_IDENTITY), List.of());
        }
        if (type == MlsKeyPackage.CREDENTIAL_X509) {
            TlsReader list = in.vector("credential certificates", MAX_CERTIFICATES);
            List<byte[]> certificates = new ArrayList<>();
            while (list.hasMore()) {
                certificates.add(list.opaque("certificate", MAX_CERTIFICATE));
            }
            if (certificates.isEmpty()) {
                throw new MalformedMlsException("the X.509 credential has no certificate");
            }
            return new Credential(type, null, List.copyOf(certificates));
        }
        throw new MalformedMlsException("credential type " + type + " is neither basic (1) nor x509 (2)");
    }

    private static List<Integer> uint16s(TlsReader in, String what) {
        TlsReader list = in.vector(what, MAX_LIST * 2);
        List<Integer> values = new ArrayList<>();
        while (list.hasMore()) {
            values.add(list.u16(what));
        }
        return List.copyOf(values);
    }

    private static List<Extension> extensions(TlsReader in) {
        TlsReader list = in.vector("extensions", MAX_EXTENSIONS);
        List<Extension> extensions = new ArrayList<>();
        while (list.hasMore()) {
            int type = list.u16("extension_type");
            if (extensions.stream().anyMatch(e -> e.type() == type)) {
                throw new MalformedMlsException("extension " + type + " appears twice");
            }
            extensions.add(new Extension(type, list.opaque("extension_data", MAX_EXTENSIONS)));
        }
        return List.copyOf(extensions);
    }

    private static void requireMls10(int version) {
        if (version != MlsKeyPackage.MLS10) {
            throw new MalformedMlsException("protocol version " + version + " is not mls10 (1)");
        }
    }
}
