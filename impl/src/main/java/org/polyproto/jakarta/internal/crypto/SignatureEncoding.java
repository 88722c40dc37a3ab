package org.polyproto.jakarta.internal.crypto;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Decodes the signature of a completed challenge: 128 hex characters, or base64 / base64url with or without
 * padding. Only a result of exactly 64 bytes is returned.
 */
public final class SignatureEncoding {

    private SignatureEncoding() {
    }

    public static Optional<byte[]> decode(String text) {
        if (text == null || text.isEmpty() || text.length() > 200) {
            return Optional.empty();
        }
        if (text.length() == 2 * StrictEd25519.SIGNATURE_SIZE && isHex(text)) {
            return Optional.of(HexFormat.of().parseHex(text));
        }
        String unpadded = text.endsWith("==") ? text.substring(0, text.length() - 2)
                : text.endsWith("=") ? text.substring(0, text.length() - 1) : text;
        try {
            byte[] bytes = unpadded.indexOf('-') >= 0 || unpadded.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(unpadded)
                    : Base64.getDecoder().decode(unpadded);
            return bytes.length == StrictEd25519.SIGNATURE_SIZE ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
