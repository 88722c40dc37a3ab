package org.polyproto.jakarta.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyproto.jakarta.api.InvalidConfigurationException;

/** The strict readers every component uses for its keys. */
class ConfigurationSourceTest {

    private static final String KEY = "polyproto.test";

    private static ConfigurationSource with(String value) {
        return key -> key.equals(KEY) ? Optional.ofNullable(value) : Optional.empty();
    }

    @Test
    void unsetOrBlankMeansTheFallback() {
        for (String value : new String[] {null, "", "  "}) {
            assertTrue(with(value).bool(KEY, true));
            assertEquals(7, with(value).integer(KEY, 7, 1, 10));
            assertEquals(Duration.ofSeconds(3), with(value).duration(KEY, Duration.ofSeconds(3)));
            assertTrue(with(value).text(KEY).isEmpty());
        }
        assertTrue(with("x").keys().isEmpty(), "a source lists no keys unless it says so");
    }

    @Test
    void readsTrimmedValues() {
        assertEquals(Optional.of("a b"), with("  a b ").text(KEY));
        assertTrue(with(" TRUE ").bool(KEY, false));
        assertFalse(with("False").bool(KEY, true));
        assertEquals(1, with(" 1 ").integer(KEY, 5, 1, 10));
        assertEquals(10, with("10").integer(KEY, 5, 1, 10));
        assertEquals(Duration.ofSeconds(300), with("300").duration(KEY, Duration.ZERO));
        assertEquals(Duration.ofMinutes(5), with("PT5M").duration(KEY, Duration.ZERO));
        assertEquals(Duration.ofDays(2), with("p2d").duration(KEY, Duration.ZERO));
        assertEquals(ConfigurationSource.MAX_DURATION, with("P36525D").duration(KEY, Duration.ZERO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "1", "0", "on", "t", "true!"})
    void aBooleanIsTrueOrFalseOnly(String value) {
        assertNamesTheKey(() -> with(value).bool(KEY, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "11", "-1", "1.0", "1e3", "ten", "0x5", "99999999999999999999"})
    void anIntegerIsAWholeNumberInItsRange(String value) {
        assertNamesTheKey(() -> with(value).integer(KEY, 5, 1, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "PT0S", "-PT1S", "-5", "1.5", "5m", "five", "P36526D", "99999999999999999999"})
    void aDurationIsPositiveAndBounded(String value) {
        assertNamesTheKey(() -> with(value).duration(KEY, Duration.ofSeconds(1)));
    }

    private static void assertNamesTheKey(org.junit.jupiter.api.function.Executable read) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, read);
        assertEquals(KEY, e.key());
        assertTrue(e.getMessage().startsWith("polyproto: " + KEY + " "), e.getMessage());
    }
}
