package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.spi.storage.SessionStore;

/**
 * {@code POST p2core/session/idcert/extern}: a session tells this server its new ID-Cert. The certificate must be
 * the session's own (FID and session ID) and trusted as at identify; it then replaces the session's certificate.
 */
@ApplicationScoped
public class ExternalIdCerts {

    @Inject
    CertificateTrust trust;
    @Inject
    SessionStore sessions;
    @Inject
    PolyprotoClock clock;
    @Inject
    Transactions transactions;

    /** Checks outside any transaction (the home server may be asked), then replaces in a short one. */
    public void replace(Session session, byte[] certDer, String clientAddress) {
        ParsedIdCert cert = ParsedIdCert.parse(certDer);
        PolyprotoNames.ActorName actor = cert.requireActorProfile();
        if (!actor.fid().equals(session.fid()) || !actor.sessionId().equals(session.sessionId())) {
            throw new PolyprotoException(ErrorCode.FORBIDDEN, "The ID-Cert is not for this session.");
        }
        trust.requireTrusted(cert, actor, clock.now(), clientAddress);
        if (!transactions.call(() -> sessions.updateCertificate(session.tokenHash(), cert.serial(),
                cert.toPem()))) {
            throw Sessions.unauthorized();
        }
    }
}
