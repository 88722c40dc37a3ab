package org.polyproto.jakarta.spi;

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

    /** The session whose token hashes to {@code tokenHash}, expired or not; the caller checks expiry. */
    Optional<Session> findByTokenHash(String tokenHash);

    /** The actor's open sessions on this server. */
    List<Session> findByActor(FederationId fid);

    /** Ends the session with this token hash; returns false if there was none. */
    boolean close(String tokenHash);

    /** Removes sessions whose token expired before {@code now}; returns how many. */
    int purgeExpired(java.time.Instant now);
}
