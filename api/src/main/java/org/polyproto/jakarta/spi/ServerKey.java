package org.polyproto.jakarta.spi;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One generation of this server's identity key and its self-signed ID-Cert.
 *
 * @param serial the serial number of the server's ID-Cert
 * @param certificatePem the server's ID-Cert, PEM with LF line ends
 * @param notBefore start of the certificate's validity
 * @param notAfter end of the certificate's validity
 * @param retiredAt when a rotation replaced this key, if one did; the certificate's effective end
 * @since 0.1
 */
public record ServerKey(BigInteger serial, String certificatePem, Instant notBefore, Instant notAfter,
                        Optional<Instant> retiredAt) {

    public ServerKey {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(retiredAt, "retiredAt");
    }

    /** Whether this was the server's key at {@code t}: inside its validity and before its retirement. */
    public boolean currentAt(Instant t) {
        return !t.isBefore(notBefore) && !t.isAfter(notAfter) && retiredAt.map(t::isBefore).orElse(true);
    }
}
