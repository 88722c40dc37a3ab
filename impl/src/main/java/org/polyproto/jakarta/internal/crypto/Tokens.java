package org.polyproto.jakarta.internal.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Bearer tokens: 256 random bits, base64url; only their SHA-256 is ever stored. */
public final class Tokens {

    private static final int TOKEN_BYTES = 32;

    private Tokens() {
    }

    public static String newToken(SecureRandom random) {
        byte[] raw = new byte[TOKEN_BYTES];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes. */
    public static String hash(String token) {
        return Sha256.hex(token);
    }
}
