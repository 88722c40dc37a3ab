package org.polyproto.jakarta.persistence.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

final class Clients {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Clients() {
    }

    /** A random positive row id. */
    static long newId() {
        return RANDOM.nextLong() & Long.MAX_VALUE;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
