package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IdCertStore;

/**
 * {@code GET p2core/key/actor/{fid}}: an actor's ID-Certs, now or at a past time; at most
 * {@code polyproto.key-actor.max-certs} of them, the most recently issued first, so that no actor can make the
 * answer unbounded. Asking for one {@code session_id} always finds that session's certificate.
 */
@ApplicationScoped
public class ActorCerts {

    @Inject
    LocalActors localActors;
    @Inject
    Transactions transactions;
    @Inject
    IdCertStore idCerts;
    @Inject
    PolyprotoConfig config;
    @Inject
    PolyprotoClock clock;

    public List<String> certificates(String fidText, Optional<Instant> at, Optional<String> sessionId) {
        return records(fidText, at, sessionId).stream().map(IdCertRecord::pem).toList();
    }

    /**
     * The actor's certificates valid at some time from {@code notBefore} (default the epoch) to {@code notAfter}
     * (default now), the OpenAPI's range, newest first, at most {@code polyproto.key-actor.max-certs}, of one session
     * if given.
     */
    public List<IdCertRecord> recordsBetween(String fidText, Optional<Instant> notBefore, Optional<Instant> notAfter,
                                             Optional<String> sessionId) {
        FederationId fid = registered(fidText);
        Instant from = notBefore.orElse(Instant.EPOCH);
        Instant to = notAfter.orElseGet(clock::now);
        if (from.isAfter(to)) {
            throw new PolyprotoException(ErrorCode.BAD_REQUEST, "notBefore is after notAfter.");
        }
        try {
            return transactions.call(() -> idCerts.findValidBetween(fid, sessionId, from, to,
                    config.certificates().keyActorMaxCerts()));
        } catch (UnsupportedOperationException e) {
            throw new PolyprotoException(ErrorCode.BAD_REQUEST, "This server answers no notBefore/notAfter range; "
                    + "ask with timestamp.");
        }
    }

    /** The actor's certificates valid at {@code at} (default now), newest first, of one session if given. */
    public List<IdCertRecord> records(String fidText, Optional<Instant> at, Optional<String> sessionId) {
        FederationId fid = registered(fidText);
        Instant t = at.orElseGet(clock::now);
        List<IdCertRecord> certs = transactions.call(() -> sessionId.map(s -> idCerts.findValidAt(fid, s, t))
                .orElseGet(() -> idCerts.findValidAt(fid, t, config.certificates().keyActorMaxCerts())));
        return certs.stream().sorted(java.util.Comparator.comparing(IdCertRecord::notBefore).reversed()).toList();
    }

    private FederationId registered(String fidText) {
        return localActors.requireRegistered(FederationId.parse(fidText));
    }
}
