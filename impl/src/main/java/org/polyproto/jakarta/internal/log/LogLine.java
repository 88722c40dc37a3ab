package org.polyproto.jakarta.internal.log;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Writes one line with its message id: {@code P2J}, four digits, and the level's letter ({@code E} SEVERE, {@code W}
 * WARNING, {@code I} INFO, {@code D} anything finer), then a colon and the text, as Hibernate and SmallRye write
 * theirs. The text is built only when the level is enabled.
 */
final class LogLine {

    private LogLine() {
    }

    static void log(Logger logger, Level level, int id, Throwable thrown, Supplier<String> text) {
        if (!logger.isLoggable(level)) {
            return;
        }
        LogRecord record = new LogRecord(level, id(id, level) + ": " + text.get());
        record.setLoggerName(logger.getName());
        record.setThrown(thrown);
        record.setSourceClassName(null);
        logger.log(record);
    }

    static String id(int id, Level level) {
        return "P2J" + id + letter(level);
    }

    private static char letter(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return 'E';
        }
        if (level.intValue() >= Level.WARNING.intValue()) {
            return 'W';
        }
        return level.intValue() >= Level.INFO.intValue() ? 'I' : 'D';
    }
}
