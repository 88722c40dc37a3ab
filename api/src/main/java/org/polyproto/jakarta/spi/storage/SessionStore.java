package org.polyproto.jakarta.spi.storage;

import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;

/**
 * Stores sessions, found by the SHA-256 of their bearer token.
 *
 * @since 0.1
 */
public interface SessionStore {

    /**
     * Opens a session, replacing any session of the same actor and session ID (whose token stops working).
     */
    void open(Session session);

    /** Gives the session with this token hash another ID-Cert, keeping its token; false if there is none. */
    boolean updateCertificate(String tokenHash, java.math.BigInteger certSerial, String certPem);

    /** The session whose token hashes to {@code tokenHash}, expired or not; the caller checks expiry. */
    Optional<Session> findByTokenHash(String tokenHash);

    /** The actor's open sessions on this server. */
    List<Session> findByActor(FederationId fid);

    /** Ends the session with this token hash; returns false if there was none. */
    boolean close(String tokenHash);

    /** Every open session of the actors of {@code domain}. */
    List<Session> findByDomain(String domain);

    /**
     * Removes up to {@code max} sessions whose token expired before {@code now} and returns them, so that the
     * caller can drop what belonged to them. Concurrent purges (e.g. by two nodes) never return the same session,
     * and none fails because another removed a session first.
     */
    List<Session> purgeExpired(java.time.Instant now, int max);
}
