package org.polyproto.jakarta.persistence.store;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

final class Conversions {

    private Conversions() {
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

    /** Whether the failure is an integrity constraint violation (SQLState class 23), e.g. a duplicate key. */
    static boolean isConstraintViolation(PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t instanceof jakarta.persistence.EntityExistsException) {
                return true;
            }
        }
        return false;
    }
}
