package org.polyproto.jakarta.persistence.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.polyproto.jakarta.api.InvalidConfigurationException;
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
 * Error messages never contain the secret.
 */
public final class ServerKeySecret {

    /**
     * The secret that encrypts the server's private key in the database: a passphrase of at least
     * {@value #MIN_LENGTH} characters, or {@code base64:} and the base64 of 32 bytes. Required by the default key
     * custody unless {@value #SECRET_FILE} is set; not together with it. Taken as it is, not trimmed.
     *
     * @since 0.1
     */
    public static final String SECRET = "polyproto.server-key.secret";
    /**
     * Path of a file whose trimmed content is the secret (either form of {@value #SECRET}); read at start.
     * Default none.
     *
     * @since 0.2
     */
    public static final String SECRET_FILE = "polyproto.server-key.secret-file";
    /**
     * {@code true} accepts the published example secret {@value #EXAMPLE}; never on a real server.
     * {@code true} or {@code false}; default {@code false}.
     *
     * @since 0.2
     */
    public static final String ALLOW_EXAMPLE = "polyproto.server-key.allow-example-secret";
    public static final String EXAMPLE = "dev-only-secret-change-me-0123456789";
    public static final String RAW_KEY_PREFIX = "base64:";
    public static final int MIN_LENGTH = 16;

    private final String passphrase;
    private final byte[] rawKey;

    private ServerKeySecret(String passphrase, byte[] rawKey) {
        this.passphrase = passphrase;
        this.rawKey = rawKey;
    }

    /** The secret, if one is set; a set one must be usable. */
    static Optional<ServerKeySecret> read(ConfigurationSource source) {
        boolean allowExample = source.bool(ALLOW_EXAMPLE, false);
        Optional<String> inline = source.get(SECRET).filter(s -> !s.isBlank());
        Optional<String> file = source.text(SECRET_FILE);
        if (inline.isPresent() && file.isPresent()) {
            throw new InvalidConfigurationException(SECRET, "and " + SECRET_FILE + " are both set; set one of them");
        }
        String key = file.isPresent() ? SECRET_FILE : SECRET;
        return file.map(ServerKeySecret::readFile).or(() -> inline).map(secret -> of(key, secret, allowExample));
    }

    private static ServerKeySecret of(String key, String secret, boolean allowExample) {
        if (secret.strip().equals(EXAMPLE) && !allowExample) {
            throw new InvalidConfigurationException(key, "gives the published example secret; choose your own (or"
                    + " set " + ALLOW_EXAMPLE + "=true on a test server)");
        }
        if (secret.startsWith(RAW_KEY_PREFIX)) {
            return new ServerKeySecret(null, rawKey(key, secret.substring(RAW_KEY_PREFIX.length()).strip()));
        }
        if (secret.length() < MIN_LENGTH) {
            throw new InvalidConfigurationException(key, "must give at least " + MIN_LENGTH + " characters, or "
                    + RAW_KEY_PREFIX + " and the base64 of a 32-byte key");
        }
        return new ServerKeySecret(secret, null);
    }

    public boolean isRawKey() {
        return rawKey != null;
    }

    /** The 32-byte AES key ({@code base64:} form only). */
    public byte[] rawKey() {
        return rawKey.clone();
    }

    /** The passphrase (passphrase form only). */
    public String passphrase() {
        return passphrase;
    }

    @Override
    public String toString() {
        return isRawKey() ? "ServerKeySecret[raw key]" : "ServerKeySecret[passphrase]";
    }

    private static byte[] rawKey(String key, String base64) {
        try {
            byte[] raw = Base64.getDecoder().decode(base64);
            if (raw.length == 32) {
                return raw;
            }
        } catch (IllegalArgumentException e) {
            // reported below, without the value
        }
        throw new InvalidConfigurationException(key, "starts with " + RAW_KEY_PREFIX
                + " and must continue with the standard base64 of exactly 32 bytes");
    }

    private static String readFile(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigurationException(SECRET_FILE, "names a file that cannot be read: " + path, e);
        }
    }
}
