package org.polyproto.jakarta.spi.storage;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;

/**
 * An ID-Cert this server issued to one of its actors.
 *
 * @param serial the certificate's serial number, unique on this server
 * @param fid the actor
 * @param sessionId the session ID of the certificate's subject
 * @param pem the certificate, PEM with LF line ends
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param invalidatedAt when it was invalidated before its end (key rotation or revocation), if it was
 * @since 0.1
 */
public record IdCertRecord(BigInteger serial, FederationId fid, String sessionId, String pem, Instant notBefore,
                           Instant notAfter, Optional<Instant> invalidatedAt) {

    public IdCertRecord {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(fid, "fid");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(pem, "pem");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(invalidatedAt, "invalidatedAt");
    }

    /** Whether the certificate was valid and not invalidated at {@code t} (bounds inclusive). */
    /** Whether it was valid and not invalidated at some instant from {@code from} to {@code to}, both included. */
    public boolean validDuring(Instant from, Instant to) {
        return !to.isBefore(notBefore) && !from.isAfter(notAfter) && invalidatedAt.map(from::isBefore).orElse(true);
    }

    public boolean validAt(Instant t) {
        return !t.isBefore(notBefore) && !t.isAfter(notAfter) && invalidatedAt.map(t::isBefore).orElse(true);
    }
}
