package org.polyproto.jakarta.persistence.log;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every line the persistence jar logs, on the logger {@value #NAME}, ids {@code P2J3001} to {@code P2J3999}, written
 * as the module's others are ({@code P2J3001I: text}; the letter is the level). A line never holds a secret: no
 * private key, passphrase or derived key.
 */
public final class PersistenceLog {

    public static final String NAME = "org.polyproto.jakarta.persistence";
    private static final Logger LOGGER = Logger.getLogger(NAME);

    private PersistenceLog() {
    }

    public static void migrationOff(String setting) {
        log(Level.INFO, 3001, () -> "Schema migration is off (" + setting + "=false)");
    }

    public static void migrated(int applied) {
        log(Level.INFO, 3002, () -> "Schema migrated, " + applied + " migration(s) applied");
    }

    public static void firstServerKeyStoredElsewhere(String domain) {
        log(Level.INFO, 3003, () -> "Another node stored the first server key of " + domain + "; using it");
    }

    public static void serverKeyReencrypted(int generation) {
        log(Level.INFO, 3004, () -> "Server key generation " + generation
                + " re-encrypted under the current custody scheme");
    }

    public static void serverKeyRowUntrusted(String domain, int generation, Object serial, String reason) {
        log(Level.WARNING, 3005, () -> "The server key row of " + domain + ", generation " + generation + ", serial "
                + serial + " is not trusted and is ignored: " + reason);
    }

    public static void custodySaltCreated(String domain) {
        log(Level.INFO, 3006, () -> "Created the server-key custody's salt for " + domain);
    }

    private static void log(Level level, int id, Supplier<String> text) {
        if (LOGGER.isLoggable(level)) {
            LogRecord record = new LogRecord(level, "P2J" + id + (level == Level.WARNING ? 'W' : 'I') + ": "
                    + text.get());
            record.setLoggerName(NAME);
            LOGGER.log(record);
        }
    }
}
