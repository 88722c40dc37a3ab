package org.polyproto.jakarta.internal.cert;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads certificates and CSRs in every encoding the contract accepts (PEM, base64 of DER, base64 of PEM) and
 * writes PEM with LF line ends.
 */
public final class PemCodec {

    public static final String CERTIFICATE = "CERTIFICATE";
    public static final String CERTIFICATE_REQUEST = "CERTIFICATE REQUEST";
    private static final int MAX_TEXT = 48 * 1024;

    private PemCodec() {
    }

    /** The DER bytes inside {@code text}, or empty if it is none of the accepted encodings. */
    public static Optional<byte[]> decode(String text) {
        if (text == null || text.length() > MAX_TEXT) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("-----BEGIN ")) {
            return fromPem(trimmed);
        }
        Optional<byte[]> raw = base64(trimmed);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String asText = new String(raw.get(), StandardCharsets.US_ASCII);
        if (asText.startsWith("-----BEGIN ")) {
            return fromPem(asText.strip());
        }
        return raw;
    }

    public static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static Optional<byte[]> fromPem(String pem) {
        int headerEnd = pem.indexOf("-----", "-----BEGIN ".length());
        int footer = pem.indexOf("-----END ");
        if (headerEnd < 0 || footer < 0 || footer < headerEnd) {
            return Optional.empty();
        }
        String label = pem.substring("-----BEGIN ".length(), headerEnd);
        if (!label.equals(CERTIFICATE) && !label.equals(CERTIFICATE_REQUEST)
                && !label.equals("NEW " + CERTIFICATE_REQUEST)) {
            return Optional.empty();
        }
        return base64(pem.substring(headerEnd + 5, footer));
    }

    private static Optional<byte[]> base64(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                clean.append(c);
            }
        }
        if (clean.length() == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(clean.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
