package org.polyproto.jakarta.spi.storage;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;

/**
 * Stores the ID-Certs this server issued; the history is kept, certificates are never deleted.
 *
 * @since 0.1
 */
public interface IdCertStore {

    /** Stores a newly issued certificate. */
    void save(IdCertRecord cert);

    /** The certificate with this serial, if this server issued it. */
    Optional<IdCertRecord> find(BigInteger serial);

    /**
     * The actor's certificates that were valid and not invalidated at {@code t}, newest ({@code notBefore}) first,
     * at most {@code limit} of them: the limit belongs in the query, so that an actor with many certificates costs
     * no more than {@code limit} rows.
     *
     * @since 0.2 (0.1 had no limit and answered oldest first)
     */
    List<IdCertRecord> findValidAt(FederationId fid, Instant t, int limit);

    /** The actor's certificates for one session ID that are valid and not invalidated at {@code t}. */
    List<IdCertRecord> findValidAt(FederationId fid, String sessionId, Instant t);

    /**
     * The actor's certificates that were valid and not invalidated at some instant from {@code from} to {@code to}
     * (both included), of one session ID if given, newest ({@code notBefore}) first, at most {@code limit}: the
     * OpenAPI's {@code notBefore}/{@code notAfter} range on {@code .p2/core/v1/idcert/actor/{fid}}. The default
     * answers {@link UnsupportedOperationException}, which the module turns into 400 for that request only.
     *
     * @since 0.4
     */
    default List<IdCertRecord> findValidBetween(FederationId fid, java.util.Optional<String> sessionId, Instant from,
                                                Instant to, int limit) {
        throw new UnsupportedOperationException("this IdCertStore answers no validity ranges");
    }

    /** Marks a certificate invalid from {@code at} on; a no-op for an already invalidated one. */
    void invalidate(BigInteger serial, Instant at);
}
