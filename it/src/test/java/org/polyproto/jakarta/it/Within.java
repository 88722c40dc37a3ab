package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact comparison of {@code long} instants with a tolerance. JUnit has no {@code assertEquals(long, long, long)}:
 * such a call widens to {@code float}, whose step near today's epoch milliseconds is 131 s.
 */
final class Within {

    private Within() {
    }

    static void assertWithin(long expected, long actual, long tolerance, String what) {
        assertTrue(Math.abs(expected - actual) <= tolerance,
                () -> what + ": expected " + expected + " ± " + tolerance + " but was " + actual);
    }
}
