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

    /** Marks a certificate invalid from {@code at} on; a no-op for an already invalidated one. */
    void invalidate(BigInteger serial, Instant at);
}
