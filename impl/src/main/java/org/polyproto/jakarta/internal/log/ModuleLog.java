package org.polyproto.jakarta.internal.log;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every line the module logs about itself, on the logger {@value #NAME}, ids {@code P2J1001} to {@code P2J1999}.
 * Security events are in {@link SecurityLog}; the persistence jar has its own ids from {@code P2J3001}. A line never
 * holds a token, a password, a CSR or a private key.
 */
public final class ModuleLog {

    public static final String NAME = "org.polyproto.jakarta";
    private static final Logger LOGGER = Logger.getLogger(NAME);

    private ModuleLog() {
    }

    public static void starting(String domain) {
        LogLine.log(LOGGER, Level.INFO, 1001, null, () -> "polyproto starting for domain " + domain);
    }

    public static void defaultStepsAside(String provided, String defaultClass) {
        LogLine.log(LOGGER, Level.INFO, 1002, null, () -> "The application provides " + provided + "; the default "
                + defaultClass + " is not used");
    }

    public static void firstServerKey(Object serial, String domain) {
        LogLine.log(LOGGER, Level.INFO, 1003, null, () -> "Server identity key " + serial + " is in force for "
                + domain);
    }

    public static void serverCertificateExpiring(Object serial, boolean expired, Instant notAfter) {
        LogLine.log(LOGGER, Level.WARNING, 1004, null, () -> "The server certificate (serial " + serial + ") "
                + (expired ? "expired at " : "expires at ") + notAfter
                + "; rotate the server key (PUT p2core/key/server) to keep issuing ID-Certs");
    }

    public static void administratorExistsRemoveBootstrap(Object admin) {
        LogLine.log(LOGGER, Level.WARNING, 1005, null, () -> "Administrator " + admin
                + " exists; remove the bootstrap password setting");
    }

    public static void administratorCannotBeCreated(Object admin, String setting) {
        LogLine.log(LOGGER, Level.WARNING, 1006, null, () -> "Administrator " + admin
                + " does not exist and cannot be registered; create it through the host or set " + setting);
    }

    public static void administratorCreated(Object admin) {
        LogLine.log(LOGGER, Level.INFO, 1007, null, () -> "Administrator " + admin
                + " created from the bootstrap password");
    }

    public static void administratorCreatedElsewhere(Object admin) {
        LogLine.log(LOGGER, Level.FINE, 1008, null, () -> "Administrator " + admin + " was created by another node");
    }

    public static void storageUnavailable(Throwable cause) {
        LogLine.log(LOGGER, Level.WARNING, 1009, null, () -> "Storage unavailable, answered 503: " + cause);
    }

    public static void unrecognisedDuringOutage(Throwable cause) {
        LogLine.log(LOGGER, Level.WARNING, 1019, cause, () -> "Storage not ready, answered 503 to a failure not"
                + " recognised as the storage's");
    }

    public static void incident(String incident, Throwable cause) {
        LogLine.log(LOGGER, Level.SEVERE, 1010, cause, () -> "Unexpected failure, answered 500 with incident "
                + incident);
    }

    public static void homeServerNotUsed(Object target, String why) {
        LogLine.log(LOGGER, Level.FINE, 1011, null, () -> "Home server " + target + " not used: " + why);
    }

    public static void noRoomForFetch(String domain) {
        LogLine.log(LOGGER, Level.FINE, 1012, null, () -> "No room for another fetch from " + domain);
    }

    public static void gaveUpWaitingForFetch(String domain) {
        LogLine.log(LOGGER, Level.FINE, 1013, null, () -> "Gave up waiting for a fetch from " + domain);
    }

    public static void refusedChallengeNotBurnt(Throwable cause) {
        LogLine.log(LOGGER, Level.FINE, 1014, cause, () -> "A refused challenge could not be burnt now");
    }

    public static void housekeeping(int challenges, int sessions, int attempts, int broadcasts, int keyPackages) {
        LogLine.log(LOGGER, Level.FINE, 1015, null, () -> "Housekeeping removed " + challenges
                + " expired challenges, " + sessions + " expired sessions, " + attempts
                + " old password-attempt records, " + broadcasts + " broadcasts older than any session and "
                + keyPackages + " expired KeyPackages and init-key records");
    }

    public static void recorderFailed(String recorder, Throwable cause) {
        LogLine.log(LOGGER, Level.FINE, 1016, cause, () -> "The metrics recorder " + recorder + " failed");
    }

    public static void integrationEnabled(String what) {
        LogLine.log(LOGGER, Level.INFO, 1017, null, () -> "The server has " + what + "; the module contributes to it");
    }

    public static void serverKeyNotReread(Throwable cause) {
        LogLine.log(LOGGER, Level.FINE, 1018, cause, () -> "The server key could not be read again; this node keeps"
                + " its copy until the next try");
    }
}
