package org.polyproto.jakarta.persistence.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyproto.jakarta.api.InvalidConfigurationException;

/** L5: where the custody's secret comes from and which values are refused. */
class ServerKeySecretTest {

    @TempDir
    Path dir;

    @Test
    void theExampleSecretIsRefusedWithoutTheOptIn() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> read(Map.of(ServerKeySecret.SECRET, ServerKeySecret.EXAMPLE)));
        assertTrue(e.getMessage().contains("polyproto.server-key.allow-example-secret"), e.getMessage());
        assertEquals(ServerKeySecret.EXAMPLE, read(Map.of(ServerKeySecret.SECRET, ServerKeySecret.EXAMPLE,
                ServerKeySecret.ALLOW_EXAMPLE, "true")).orElseThrow().passphrase());
    }

    @Test
    void aSecretFileIsReadAndTrimmed() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "  a passphrase from a file  \n");
        ServerKeySecret secret = read(Map.of(ServerKeySecret.SECRET_FILE, file.toString())).orElseThrow();
        assertEquals("a passphrase from a file", secret.passphrase());

        byte[] raw = new byte[32];
        raw[5] = 9;
        Files.writeString(file, "base64:" + Base64.getEncoder().encodeToString(raw) + "\n");
        assertArrayEquals(raw, read(Map.of(ServerKeySecret.SECRET_FILE, file.toString())).orElseThrow().rawKey());

        InvalidConfigurationException missing = assertThrows(InvalidConfigurationException.class,
                () -> read(Map.of(ServerKeySecret.SECRET_FILE, dir.resolve("absent").toString())));
        assertEquals(ServerKeySecret.SECRET_FILE, missing.key());
    }

    @Test
    void anInlinePassphraseIsTakenAsItIs() {
        assertEquals("  sixteen characters or more ", read(Map.of(ServerKeySecret.SECRET,
                "  sixteen characters or more ")).orElseThrow().passphrase());
    }

    @Test
    void bothSourcesAtOnceAreRefusedNamingBoth() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "a passphrase from a file");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> read(Map.of(
                ServerKeySecret.SECRET, "an inline passphrase here", ServerKeySecret.SECRET_FILE, file.toString())));
        assertTrue(e.getMessage().contains("polyproto.server-key.secret ")
                && e.getMessage().contains("polyproto.server-key.secret-file"), e.getMessage());
    }

    @Test
    void rawKeysMustHaveExactly32BytesAndPassphrasesSixteenCharacters() {
        String ok = "base64:" + Base64.getEncoder().encodeToString(new byte[32]);
        assertTrue(read(Map.of(ServerKeySecret.SECRET, ok)).orElseThrow().isRawKey());
        for (String bad : new String[] {"base64:" + Base64.getEncoder().encodeToString(new byte[31]), "base64:%%%",
                "short"}) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> read(Map.of(ServerKeySecret.SECRET, bad)));
            assertEquals(ServerKeySecret.SECRET, e.key());
            assertFalse(e.getMessage().contains(bad), "the value is not echoed");
        }
        assertTrue(read(Map.of()).isEmpty(), "required only by the default custody, when it first needs it");
    }

    private static Optional<ServerKeySecret> read(Map<String, String> values) {
        return ServerKeySecret.read(key -> Optional.ofNullable(values.get(key)));
    }
}
