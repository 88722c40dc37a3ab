package org.polyproto.jakarta.persistence.store;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

final class Conversions {

    private Conversions() {
    }

    /** polyproto serials have 1 to 20 octets; the columns ({@code NUMERIC(49,0)}) hold every such value. */
    static final int MAX_SERIAL_BITS = 160;

    static boolean isStorableSerial(BigInteger serial) {
        return serial.signum() >= 0 && serial.bitLength() <= MAX_SERIAL_BITS;
    }

    /** {@code serial}, checked to fit the serial columns. */
    static BigInteger serial(BigInteger serial) {
        if (!isStorableSerial(serial)) {
            throw new IllegalArgumentException("polyproto: a certificate serial must be non-negative and at most "
                    + MAX_SERIAL_BITS / 8 + " octets");
        }
        return serial;
    }

    static long seconds(Instant t) {
        return t.getEpochSecond();
    }

    static Instant instant(long seconds) {
        return Instant.ofEpochSecond(seconds);
    }

    static Optional<Instant> optionalInstant(Long seconds) {
        return Optional.ofNullable(seconds).map(Instant::ofEpochSecond);
    }

    static Long secondsOrNull(Optional<Instant> t) {
        return t.map(Instant::getEpochSecond).orElse(null);
    }
}
