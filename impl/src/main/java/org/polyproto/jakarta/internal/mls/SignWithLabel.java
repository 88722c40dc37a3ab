package org.polyproto.jakarta.internal.mls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;

/**
 * RFC 9420 §5.1.2: {@code SignWithLabel(key, label, content)} signs the encoded
 * {@code SignContent { opaque label<V> = "MLS 1.0 " + label; opaque content<V>; }}. Ed25519 only, verified strictly.
 */
public final class SignWithLabel {

    private SignWithLabel() {
    }

    public static boolean verify(byte[] publicKey, String label, byte[] content, byte[] signature) {
        return StrictEd25519.verify(publicKey, signContent(label, content), signature);
    }

    static byte[] signContent(String label, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 32);
        opaque(out, ("MLS 1.0 " + label).getBytes(StandardCharsets.US_ASCII));
        opaque(out, content);
        return out.toByteArray();
    }

    /** {@code opaque<V>}: the variable-length size of §2.1.2, then the bytes. */
    private static void opaque(ByteArrayOutputStream out, byte[] bytes) {
        int n = bytes.length;
        if (n < 0x40) {
            out.write(n);
        } else if (n < 0x4000) {
            out.write(0x40 | n >>> 8);
            out.write(n);
        } else {
            out.write(0x80 | n >>> 24);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
        }
        out.writeBytes(bytes);
    }
}
