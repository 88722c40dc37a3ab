package org.polyproto.jakarta.spi.storage;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import org.polyproto.jakarta.api.FederationId;

/**
 * An authenticated session: one per (actor, session ID) on this server.
 *
 * @param tokenHash lower-case hex SHA-256 of the bearer token; the token itself is never stored
 * @param fid the actor, of this server or of another
 * @param sessionId the session ID from the actor's ID-Cert
 * @param certSerial serial number of the ID-Cert the session was opened with
 * @param certPem that ID-Cert, PEM
 * @param openedAt when the session was opened
 * @param expiresAt when its token stops being accepted
 * @since 0.1
 */
public record Session(String tokenHash, FederationId fid, String sessionId, BigInteger certSerial, String certPem,
                      Instant openedAt, Instant expiresAt) {
    public Session {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(fid, "fid");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(certSerial, "certSerial");
        Objects.requireNonNull(certPem, "certPem");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
