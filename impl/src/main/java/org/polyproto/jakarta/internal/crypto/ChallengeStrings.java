package org.polyproto.jakarta.internal.crypto;

import java.security.SecureRandom;

/** Challenge strings: 64 characters of {@code [A-Za-z0-9]} drawn without bias from a CSPRNG. */
public final class ChallengeStrings {

    public static final int LENGTH = 64;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private ChallengeStrings() {
    }

    public static String next(SecureRandom random) {
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
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
