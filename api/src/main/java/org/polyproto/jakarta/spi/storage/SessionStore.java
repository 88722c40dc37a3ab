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

    /**
     * Makes work on one actor's sessions and ID-Certs take turns: until the caller's transaction ends, another
     * transaction calling it for the same actor waits. The module calls it before it checks and then changes an
     * actor's certificates or sessions (a session ID's valid ID-Cert, the session cap), whoever the actor's
     * directory is. Two very first calls for one actor may race: the loser throws
     * {@link StorageConflictException} and the module runs its transaction again.
     *
     * @since 0.2
     */
    void lockActor(FederationId fid);

    /** Gives the session with this token hash another ID-Cert, keeping its token; false if there is none. */
    boolean updateCertificate(String tokenHash, java.math.BigInteger certSerial, String certPem);

    /** The session whose token hashes to {@code tokenHash}, expired or not; the caller checks expiry. */
    Optional<Session> findByTokenHash(String tokenHash);

    /** The actor's open sessions on this server. */
    List<Session> findByActor(FederationId fid);

    /**
     * The clients of the actor's sessions whose token is still valid at {@code now}, each once: whom an event about
     * the actor goes to (a new session, a changed key). Called on every identify, in its transaction. The default
     * filters {@link #findByActor}; a store can answer it without reading the sessions' certificates.
     *
     * @since 0.5
     */
    default List<ClientId> clientsOf(FederationId fid, java.time.Instant now) {
        return findByActor(fid).stream().filter(s -> now.isBefore(s.expiresAt())).map(ClientId::of).distinct()
                .toList();
    }

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
