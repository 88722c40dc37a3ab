package org.polyproto.jakarta.persistence.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * The secret the default custody encrypts the server's private key under, read from {@value #SECRET} or from the
 * file named by {@value #SECRET_FILE} (its content, trimmed); setting both is an error. Two forms:
 * <ul>
 *   <li>{@code base64:} followed by the standard base64 of exactly 32 bytes: used directly as the AES-256 key;</li>
 *   <li>anything else: a passphrase of at least {@value #MIN_LENGTH} characters, stretched with PBKDF2 and the
 *       installation's random salt.</li>
 * </ul>
 * The example server's passphrase {@value #EXAMPLE} is refused unless {@value #ALLOW_EXAMPLE} is {@code true}.
 */
final class ServerKeySecret {

    static final String SECRET = "polyproto.server-key.secret";
    static final String SECRET_FILE = "polyproto.server-key.secret-file";
    static final String ALLOW_EXAMPLE = "polyproto.server-key.allow-example-secret";
    static final String EXAMPLE = "dev-only-secret-change-me-0123456789";
    static final String RAW_KEY_PREFIX = "base64:";
    static final int MIN_LENGTH = 16;

    private final String passphrase;
    private final byte[] rawKey;

    private ServerKeySecret(String passphrase, byte[] rawKey) {
        this.passphrase = passphrase;
        this.rawKey = rawKey;
    }

    static ServerKeySecret from(ConfigurationSource configuration) {
        Optional<String> inline = configuration.get(SECRET).filter(s -> !s.isBlank());
        Optional<String> file = configuration.get(SECRET_FILE).map(String::strip).filter(s -> !s.isEmpty());
        if (inline.isPresent() && file.isPresent()) {
            throw new IllegalStateException("polyproto: set either " + SECRET + " or " + SECRET_FILE + ", not both");
        }
        String secret = file.map(ServerKeySecret::read).or(() -> inline).orElseThrow(() -> new IllegalStateException(
                "polyproto: " + SECRET + " (or " + SECRET_FILE + ") is required; it encrypts the server's private"
                        + " key in the database"));
        if (secret.strip().equals(EXAMPLE)
                && !Boolean.parseBoolean(configuration.get(ALLOW_EXAMPLE).orElse("false").strip())) {
            throw new IllegalStateException("polyproto: " + SECRET + " is the published example secret; choose your"
                    + " own (or set " + ALLOW_EXAMPLE + "=true on a test server)");
        }
        if (secret.startsWith(RAW_KEY_PREFIX)) {
            return new ServerKeySecret(null, rawKey(secret.substring(RAW_KEY_PREFIX.length()).strip()));
        }
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("polyproto: " + SECRET + " must have at least " + MIN_LENGTH
                    + " characters, or be " + RAW_KEY_PREFIX + " and the base64 of a 32-byte key");
        }
        return new ServerKeySecret(secret, null);
    }

    boolean isRawKey() {
        return rawKey != null;
    }

    /** The 32-byte AES key ({@code base64:} form only). */
    byte[] rawKey() {
        return rawKey.clone();
    }

    /** The passphrase (passphrase form only). */
    String passphrase() {
        return passphrase;
    }

    private static byte[] rawKey(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64);
            if (key.length == 32) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below, without the value
        }
        throw new IllegalStateException("polyproto: " + SECRET + " starting with " + RAW_KEY_PREFIX
                + " must continue with the standard base64 of exactly 32 bytes");
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("polyproto: " + SECRET_FILE + " cannot be read: " + path, e);
        }
    }
}
