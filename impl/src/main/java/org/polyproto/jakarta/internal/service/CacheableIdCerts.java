package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import org.polyproto.jakarta.api.representation.CacheableIdCertRepresentation;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;

/**
 * ID-Certs as the v1 profile hands them to other servers: with a cache window from now to
 * {@code polyproto.idcert.cache-validity} later (never past the certificate's end, never before now) and signed
 * with the server key in force as this node holds it (no I/O).
 */
@ApplicationScoped
public class CacheableIdCerts {

    @Inject
    ServerKeys serverKeys;
    @Inject
    PolyprotoConfig config;
    @Inject
    PolyprotoClock clock;

    public CacheableIdCertRepresentation of(BigInteger serial, String pem, Instant certNotAfter,
                                            Optional<Instant> invalidatedAt) {
        long now = clock.now().getEpochSecond();
        long cacheEnd = Math.max(now, Math.min(certNotAfter.getEpochSecond(),
                now + config.protocol().cacheValidity().toSeconds()));
        OptionalLong invalidated = invalidatedAt.map(t -> OptionalLong.of(t.getEpochSecond()))
                .orElse(OptionalLong.empty());
        byte[] signature = StrictEd25519.sign(serverKeys.current().privateKeySeed(),
                CacheableIdCertRepresentation.signedText(serial, now, cacheEnd, invalidated));
        return new CacheableIdCertRepresentation(pem, invalidated, now, cacheEnd, HexFormat.of().formatHex(signature));
    }
}
