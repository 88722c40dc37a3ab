package org.polyproto.jakarta.persistence.store;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The associated data that binds an encrypted server key to its row. Version 2 (schema version 3 on):
 * {@code "polyproto-jakarta server key v2" 0 domain 0 serial 0 generation 0 SHA-256(certificate DER)}, decimal
 * numbers, so a ciphertext moved to another domain, serial or generation, or next to another certificate, no longer
 * decrypts. Version 1 (older rows): the serial in decimal only.
 */
final class ServerKeyAad {

    static final int LEGACY = 1;
    static final int CURRENT = 2;
    private static final String LABEL = "polyproto-jakarta server key v2";

    private ServerKeyAad() {
    }

    static byte[] current(String domain, BigInteger serial, int generation, byte[] certificateSha256) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : new String[] {LABEL, domain, serial.toString(), Integer.toString(generation)}) {
            out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        out.writeBytes(certificateSha256);
        return out.toByteArray();
    }

    static byte[] legacy(BigInteger serial) {
        return serial.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
