package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Instant;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.crypto.Tokens;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.spi.storage.SessionStore;
import org.polyproto.jakarta.internal.log.SecurityLog;

/** Opens sessions, authenticates bearer tokens and revokes them. Only token hashes reach the store. */
@ApplicationScoped
public class Sessions {

    private static final int MAX_TOKEN_LENGTH = 512;

    @Inject
    SessionStore store;
    @Inject
    PolyprotoConfig config;
    @Inject
    Secrets secrets;
    @Inject
    PolyprotoClock clock;
    @Inject
    Notifications notifications;
    @Inject
    Housekeeping housekeeping;

    /**
     * Opens a session for (fid, sessionId), replacing an earlier one, and tells the actor's other sessions
     * ({@code NEW_SESSION}); runs in the caller's transaction.
     *
     * @return the bearer token, which exists nowhere else
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String open(FederationId fid, String sessionId, BigInteger certSerial, String certPem,
                       Instant certNotAfter) {
        String token = replaceToken(fid, sessionId, certSerial, certPem, certNotAfter);
        notifications.newSession(new ClientId(fid, sessionId), certPem);
        return token;
    }

    /**
     * Gives the session (fid, sessionId) a new token and certificate; the old token stops working, and the new one
     * ends with the certificate (and the leeway its validity is checked with) if that comes before
     * {@code polyproto.token.ttl}. A replacement that loses a race to a concurrent one fails with
     * {@link org.polyproto.jakarta.spi.storage.StorageConflictException}; the caller's transaction is then run
     * again ({@link Transactions#retriedOnConflict}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String replaceToken(FederationId fid, String sessionId, BigInteger certSerial, String certPem,
                               Instant certNotAfter) {
        String token = Tokens.newToken(secrets.random());
        Instant now = clock.now();
        Instant ttlEnd = now.plus(config.sessions().tokenTtl());
        Instant certEnd = certNotAfter.plus(config.certificates().idCertLeeway());
        store.open(new Session(Tokens.hash(token), fid, sessionId, certSerial, certPem, now,
                certEnd.isBefore(ttlEnd) ? certEnd : ttlEnd));
        return token;
    }

    /**
     * The session of a live token.
     *
     * @throws PolyprotoException {@code UNAUTHORIZED} for a missing, unknown, expired or revoked token
     */
    @Transactional
    public Session authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw unauthorized();
        }
        Session session = store.findByTokenHash(Tokens.hash(token)).orElseThrow(Sessions::unauthorized);
        if (!clock.now().isBefore(session.expiresAt())) {
            throw unauthorized();
        }
        return session;
    }

    @Transactional
    public void revoke(Session session) {
        if (!store.close(session.tokenHash())) {
            throw unauthorized();
        }
        housekeeping.forget(session);
        SecurityLog.sessionRevoked(session.fid(), session.sessionId());
    }

    /**
     * Revokes every session of the token's actor on this server, the presented one included: what a user does after
     * losing a device. At most {@code polyproto.sessions.max-per-actor} rows.
     *
     * @return how many sessions were revoked
     */
    @Transactional
    public int revokeAll(Session presented) {
        int revoked = 0;
        for (Session session : store.findByActor(presented.fid())) {
            if (store.close(session.tokenHash())) {
                housekeeping.forget(session);
                revoked++;
            }
        }
        if (revoked == 0) {
            throw unauthorized();
        }
        SecurityLog.allSessionsRevoked(presented.fid(), revoked);
        return revoked;
    }

    static PolyprotoException unauthorized() {
        return new PolyprotoException(ErrorCode.UNAUTHORIZED, "A valid bearer token is required.");
    }
}
