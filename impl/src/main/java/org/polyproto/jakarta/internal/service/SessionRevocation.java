package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.log.SecurityLog;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IdCertStore;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.spi.storage.SessionStore;

/**
 * {@code DELETE .p2/core/v1/session}: one session of the token's actor ended early, in one transaction. For this
 * server's own actors its ID-Certs are invalidated from now on (their {@code invalidatedAt}) and the actor's other
 * sessions are told ({@code ACTOR_CERTIFICATE_INVALIDATION}); a foreign actor's session here is only closed, since
 * its certificate is its home server's.
 */
@ApplicationScoped
public class SessionRevocation {

    @Inject
    SessionStore sessions;
    @Inject
    IdCertStore idCerts;
    @Inject
    Housekeeping housekeeping;
    @Inject
    Notifications notifications;
    @Inject
    CacheableIdCerts cacheable;
    @Inject
    PolyprotoConfig config;
    @Inject
    PolyprotoClock clock;

    @Transactional
    public void revoke(Session presented, String sessionId) {
        sessions.lockActor(presented.fid());
        List<Session> ended = sessions.findByActor(presented.fid()).stream()
                .filter(s -> s.sessionId().equals(sessionId)).toList();
        if (ended.isEmpty()) {
            throw new PolyprotoException(ErrorCode.NOT_FOUND, "The actor has no session with this ID.");
        }
        for (Session session : ended) {
            sessions.close(session.tokenHash());
            housekeeping.forget(session);
        }
        if (presented.fid().domain().equals(config.server().domain())) {
            invalidateCertificates(new ClientId(presented.fid(), sessionId));
        }
        SecurityLog.sessionRevoked(presented.fid(), sessionId);
    }

    private void invalidateCertificates(ClientId client) {
        Instant now = clock.now();
        for (IdCertRecord cert : idCerts.findValidAt(client.fid(), client.sessionId(), now)) {
            idCerts.invalidate(cert.serial(), now);
            SecurityLog.certificateInvalidated(client.fid(), client.sessionId(), cert.serial());
            notifications.actorCertificateInvalidation(client, cacheable.of(cert.serial(), cert.pem(),
                    cert.notAfter(), Optional.of(now)));
        }
    }
}
