package org.polyproto.jakarta.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Challenge strings that carry their own proof, so that issuing one stores nothing and any node can check one
 * (contract §8.2): {@value #LENGTH} characters of {@code [A-Za-z0-9]} as §2 has them, {@code C}, the expiry (Unix
 * seconds, 11 hex digits), 10 random bytes (20 hex digits), and the first 16 bytes of a MAC over what precedes
 * (32 hex digits).
 */
public final class ChallengeStrings {

    public static final int LENGTH = 64;
    private static final int MACED = 32;
    private static final int MAC_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    private ChallengeStrings() {
    }

    /** A new challenge that expires at {@code expiresAt} (Unix seconds), MACed by {@code mac}. */
    public static String issue(long expiresAt, SecureRandom random, UnaryOperator<byte[]> mac) {
        byte[] nonce = new byte[10];
        random.nextBytes(nonce);
        String body = "C" + HEX.toHexDigits(expiresAt).substring(5) + HEX.formatHex(nonce);
        return body + HEX.formatHex(mac.apply(body.getBytes(StandardCharsets.US_ASCII)), 0, MAC_BYTES);
    }

    /**
     * The expiry of {@code value} if it has this format and its MAC verifies under {@code mac}; empty for anything
     * else (a forged or altered string, another server's, one of the seed's random format, one MACed before a
     * server-key rotation). Compares the MAC in constant time.
     */
    public static OptionalLong verifiedExpiry(String value, UnaryOperator<byte[]> mac) {
        if (value == null || value.length() != LENGTH || value.charAt(0) != 'C') {
            return OptionalLong.empty();
        }
        for (int i = 1; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return OptionalLong.empty();
            }
        }
        String body = value.substring(0, MACED);
        byte[] expected = Arrays.copyOf(mac.apply(body.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, HEX.parseHex(value, MACED, LENGTH))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value, 1, 12, 16));
    }

    /** Whether {@code s} could be a challenge at all: 32 to 256 characters of {@code [A-Za-z0-9]}. */
    public static boolean isPlausible(String s) {
        if (s == null || s.length() < 32 || s.length() > 256) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
