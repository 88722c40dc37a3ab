package org.polyproto.jakarta.persistence.store;

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
import org.polyproto.jakarta.spi.ConfigurationSource;

/** L5: where the custody's secret comes from and which values are refused. */
class ServerKeySecretTest {

    @TempDir
    Path dir;

    @Test
    void theExampleSecretIsRefusedWithoutTheOptIn() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ServerKeySecret.from(config(Map.of(ServerKeySecret.SECRET, ServerKeySecret.EXAMPLE))));
        assertTrue(e.getMessage().contains("polyproto.server-key.allow-example-secret"), e.getMessage());
        assertEquals(ServerKeySecret.EXAMPLE, ServerKeySecret.from(config(Map.of(ServerKeySecret.SECRET,
                ServerKeySecret.EXAMPLE, ServerKeySecret.ALLOW_EXAMPLE, "true"))).passphrase());
    }

    @Test
    void aSecretFileIsReadAndTrimmed() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "  a passphrase from a file  \n");
        ServerKeySecret secret = ServerKeySecret.from(config(Map.of(ServerKeySecret.SECRET_FILE, file.toString())));
        assertEquals("a passphrase from a file", secret.passphrase());

        byte[] raw = new byte[32];
        raw[5] = 9;
        Files.writeString(file, "base64:" + Base64.getEncoder().encodeToString(raw) + "\n");
        assertArrayEquals(raw, ServerKeySecret.from(config(Map.of(ServerKeySecret.SECRET_FILE, file.toString())))
                .rawKey());

        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> ServerKeySecret.from(
                config(Map.of(ServerKeySecret.SECRET_FILE, dir.resolve("absent").toString()))));
        assertTrue(missing.getMessage().contains(ServerKeySecret.SECRET_FILE), missing.getMessage());
    }

    @Test
    void bothSourcesAtOnceAreRefusedNamingBoth() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "a passphrase from a file");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServerKeySecret.from(config(Map.of(
                ServerKeySecret.SECRET, "an inline passphrase here", ServerKeySecret.SECRET_FILE, file.toString()))));
        assertTrue(e.getMessage().contains("polyproto.server-key.secret ")
                && e.getMessage().contains("polyproto.server-key.secret-file"), e.getMessage());
    }

    @Test
    void rawKeysMustHaveExactly32BytesAndPassphrasesSixteenCharacters() {
        String ok = "base64:" + Base64.getEncoder().encodeToString(new byte[32]);
        assertTrue(ServerKeySecret.from(config(Map.of(ServerKeySecret.SECRET, ok))).isRawKey());
        for (String bad : new String[] {"base64:" + Base64.getEncoder().encodeToString(new byte[31]), "base64:%%%",
                "short"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ServerKeySecret.from(config(Map.of(ServerKeySecret.SECRET, bad))));
            assertFalse(e.getMessage().contains(bad), "the value is not echoed");
        }
        assertThrows(IllegalStateException.class, () -> ServerKeySecret.from(config(Map.of())));
    }

    private static ConfigurationSource config(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}
