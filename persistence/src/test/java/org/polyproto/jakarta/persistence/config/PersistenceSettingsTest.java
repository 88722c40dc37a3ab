package org.polyproto.jakarta.persistence.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyproto.jakarta.api.InvalidConfigurationException;

/** Every key the persistence module reads: defaults, good values, and every bad value failing naming the key. */
class PersistenceSettingsTest {

    private static final List<String> BOOLEAN = List.of("yes", "no", "1", "off", "truee");
    private static final Map<String, List<String>> BAD = Map.of(
            PersistenceSettings.DOMAIN, List.of(" ", "exa mple.com", "under_score.example", "a..b"),
            PersistenceSettings.MIGRATE, BOOLEAN,
            PersistenceSettings.DATASOURCE, List.of("jdbc/polyproto DS", "jdbc/\tpolyprotoDS"),
            ServerKeySecret.SECRET, List.of("too short", ServerKeySecret.EXAMPLE, "base64:AAAA", "base64:%%%"),
            ServerKeySecret.SECRET_FILE, List.of("/nonexistent/polyproto/server-key-secret"),
            ServerKeySecret.ALLOW_EXAMPLE, BOOLEAN);

    @Test
    void everyDeclaredKeyHasBadValuesBelow() {
        assertEquals(Set.copyOf(PersistenceSettings.KEYS), BAD.keySet());
    }

    static Stream<Arguments> badValues() {
        return BAD.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> Arguments.of(e.getKey(), v)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void aBadValueFailsTheStartNamingTheKey(String key, String value) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> read(Map.of(key, value)));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().startsWith("polyproto: " + key + " "), e.getMessage());
        if (key.equals(ServerKeySecret.SECRET)) {
            assertFalse(e.getMessage().contains(value), "a secret is never echoed: " + e.getMessage());
        }
    }

    @Test
    void theDefaultsAreAValidConfiguration() {
        PersistenceSettings settings = read(Map.of());
        assertEquals("example.com", settings.domain());
        assertTrue(settings.migrate());
        assertEquals("jdbc/polyprotoDS", settings.datasource());
        assertTrue(settings.serverKeySecret().isEmpty());
    }

    @Test
    void goodValuesAreRead() {
        PersistenceSettings settings = read(Map.of(PersistenceSettings.DOMAIN, " Example.COM ",
                PersistenceSettings.MIGRATE, " FALSE ", PersistenceSettings.DATASOURCE, " java:jboss/datasources/p2 ",
                ServerKeySecret.SECRET, ServerKeySecret.EXAMPLE, ServerKeySecret.ALLOW_EXAMPLE, "True"));
        assertEquals("example.com", settings.domain());
        assertFalse(settings.migrate());
        assertEquals("java:jboss/datasources/p2", settings.datasource());
        assertEquals(ServerKeySecret.EXAMPLE, settings.serverKeySecret().orElseThrow().passphrase());
    }

    private static PersistenceSettings read(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent(PersistenceSettings.DOMAIN, "example.com");
        return PersistenceSettings.read(key -> Optional.ofNullable(all.get(key)));
    }
}
