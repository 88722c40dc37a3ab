package org.polyproto.jakarta.internal.log;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Security events, on their own logger {@value #NAME}, ids {@code P2J2001} to {@code P2J2999}. Rotations and
 * locks are logged at INFO and WARNING; what every hostile client can cause at will (refused identifies, rate-limit
 * hits, refused attempts during a lock) and revocations at FINE, so that an attacker cannot flood the log: set
 * the logger to FINE to see them. A line never holds a token, a password, a CSR or a private key.
 */
public final class SecurityLog {

    public static final String NAME = "org.polyproto.jakarta.security";
    private static final Logger LOGGER = Logger.getLogger(NAME);

    private SecurityLog() {
    }

    public static void serverKeyRotated(Object oldSerial, Object newSerial) {
        LogLine.log(LOGGER, Level.INFO, 2001, null, () -> "Server identity key rotated from serial " + oldSerial
                + " to " + newSerial);
    }

    public static void actorLocked(Object fid, int attempts, Duration lock) {
        LogLine.log(LOGGER, Level.WARNING, 2002, null, () -> "Actor " + fid + " locked for " + lock + " after "
                + attempts + " password attempts");
    }

    public static void attemptDuringLock(Object fid) {
        LogLine.log(LOGGER, Level.FINE, 2003, null, () -> "A password attempt for " + fid
                + " was refused: the actor is locked");
    }

    public static void identifyRefused(String code, String client) {
        LogLine.log(LOGGER, Level.FINE, 2004, null, () -> "Identify refused with " + code + " for client " + client);
    }

    public static void rateLimited(String routeClass, String client) {
        LogLine.log(LOGGER, Level.FINE, 2005, null, () -> "Rate limit of route class " + routeClass
                + " reached by client " + client);
    }

    public static void sessionRevoked(Object fid, String sessionId) {
        LogLine.log(LOGGER, Level.FINE, 2006, null, () -> "Session " + sessionId + " of " + fid + " revoked");
    }

    public static void allSessionsRevoked(Object fid, int sessions) {
        LogLine.log(LOGGER, Level.FINE, 2007, null, () -> "All " + sessions + " sessions of " + fid + " revoked");
    }

    public static void trustRefused(String code, Object fid) {
        LogLine.log(LOGGER, Level.FINE, 2008, null, () -> "Trust for " + fid + " refused with " + code);
    }

    public static void sensitiveActionRefused(String code, Object fid, Object action) {
        LogLine.log(LOGGER, Level.FINE, 2009, null, () -> "Sensitive action " + action + " of " + fid
                + " refused with " + code);
    }

    public static void certificateInvalidated(Object fid, String sessionId, Object serial) {
        LogLine.log(LOGGER, Level.FINE, 2010, null, () -> "ID-Cert " + serial + " of session " + sessionId + " of "
                + fid + " invalidated");
    }
}
