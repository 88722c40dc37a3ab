package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.IssuedIdCertRepresentation;
import org.polyproto.jakarta.internal.cert.IdCertFactory;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IdCertStore;
import org.polyproto.jakarta.spi.ServerKey;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.spi.ServerSigningKey;

/**
 * Issues an actor's ID-Cert from a checked CSR and opens its session, in one transaction that holds the actor's
 * lock, so two requests for one session ID cannot both get a certificate.
 */
@ApplicationScoped
public class IdCertIssuance {

    static final Duration BACKDATE = Duration.ofSeconds(60);

    @Inject
    KeyPackages keyPackages;
    @Inject
    IdCertStore idCerts;
    @Inject
    ServerKeys serverKeys;
    @Inject
    Sessions sessions;
    @Inject
    PolyprotoConfig config;
    @Inject
    LocalActors localActors;
    @Inject
    Secrets secrets;
    @Inject
    PolyprotoClock clock;
    @Inject
    Notifications notifications;
    @Inject
    ServerCertExpiry expiry;
    @Inject
    org.polyproto.jakarta.spi.storage.SessionStore sessionStore;

    @Transactional
    public IssuedIdCertRepresentation issue(FederationId fid, ParsedCsr csr) {
        sessionStore.lockActor(fid);
        Instant now = clock.now();
        String sessionId = csr.actor().sessionId();
        if (!idCerts.findValidAt(fid, sessionId, now).isEmpty()) {
            throw new PolyprotoException(ErrorCode.SESSION_ID_TAKEN, "This session ID already has a valid ID-Cert.");
        }
        // the session this ID-Cert is for, if it still exists (expired with its certificate), is replaced, not added
        if (sessionStore.findByActor(fid).stream().filter(s -> !s.sessionId().equals(sessionId)).count()
                >= config.sessions().maxPerActor()) {
            throw new PolyprotoException(409, "P2CORE_TOO_MANY_SESSIONS",
                    "This actor has the most sessions allowed; revoke one first.");
        }
        IdCertRecord cert = sign(fid, csr, now);
        idCerts.save(cert);
        String token = sessions.open(fid, sessionId, cert.serial(), cert.pem(), cert.notAfter());
        return new IssuedIdCertRepresentation(cert.pem(), token);
    }

    /**
     * {@code POST p2core/session/idcert}: a new ID-Cert for the session's new key. The session's old certificates
     * are invalidated now, its token is replaced, the actor's other sessions hear {@code CLIENT_KEY_CHANGE}, and its
     * KeyPackages, bound to the old key, are dropped ({@code LOW_KEY_PACKAGES} asks for new ones).
     */
    @Transactional
    public IssuedIdCertRepresentation rotate(Session session, ParsedCsr csr) {
        FederationId fid = session.fid();
        localActors.requireLocal(fid, "get ID-Certs");
        if (!csr.actor().fid().equals(fid)) {
            throw new PolyprotoException(ErrorCode.FORBIDDEN, "The CSR must name this session's actor.");
        }
        if (!csr.actor().sessionId().equals(session.sessionId())) {
            throw new PolyprotoException(ErrorCode.FORBIDDEN, "The CSR must name this session's ID.");
        }
        sessionStore.lockActor(fid);
        Instant now = clock.now();
        for (IdCertRecord old : idCerts.findValidAt(fid, session.sessionId(), now)) {
            idCerts.invalidate(old.serial(), now);
        }
        IdCertRecord cert = sign(fid, csr, now);
        idCerts.save(cert);
        String token = sessions.replaceToken(fid, session.sessionId(), cert.serial(), cert.pem(),
                cert.notAfter());
        notifications.clientKeyChange(ClientId.of(session), session.certSerial(), now, cert.pem());
        keyPackages.dropForNewKey(ClientId.of(session));
        return new IssuedIdCertRepresentation(cert.pem(), token);
    }

    private IdCertRecord sign(FederationId fid, ParsedCsr csr, Instant now) {
        ServerSigningKey signing = serverKeys.signingKey();
        ServerKey server = signing.key();
        expiry.requireUnexpired(server, now);
        Instant notBefore = now.minus(BACKDATE).isBefore(server.notBefore()) ? server.notBefore()
                : now.minus(BACKDATE);
        Instant wanted = now.plus(config.certificates().idCertLifetime());
        Instant notAfter = wanted.isAfter(server.notAfter()) ? server.notAfter() : wanted;
        BigInteger serial = IdCertFactory.newSerial(secrets.random());
        byte[] der = IdCertFactory.actorCertificate(csr, signing.privateKeySeed(), serverKeys.serverName(), serial,
                notBefore, notAfter);
        return new IdCertRecord(serial, fid, csr.actor().sessionId(), PemCodec.encode(PemCodec.CERTIFICATE, der),
                truncate(notBefore), truncate(notAfter), Optional.empty());
    }

    /** X.509 times have whole seconds; the record must say what the certificate says. */
    private static Instant truncate(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
