package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.SessionTokenRepresentation;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.spi.storage.ChallengeStore;
import org.polyproto.jakarta.spi.IdentifyHandler;

/**
 * The last step of identify, one short transaction with no network I/O: consumes the challenge (exactly one of
 * concurrent attempts wins it), asks the {@link IdentifyHandler}, and opens the session. A refusal by the handler
 * still commits the consumed challenge.
 */
@ApplicationScoped
public class SessionOpening {

    @Inject
    ChallengeStore challenges;
    @Inject
    IdentifyHandler handler;
    @Inject
    Sessions sessions;
    @Inject
    PolyprotoClock clock;

    @Transactional(dontRollbackOn = PolyprotoException.class)
    public SessionTokenRepresentation open(String challenge, ParsedIdCert cert, PolyprotoNames.ActorName actor,
                                           JsonObject authPayload) {
        challenges.consume(challenge).filter(c -> !clock.now().isAfter(c.expiresAt()))
                .orElseThrow(Identification::challengeInvalid);
        JsonObject payload = handler.onIdentify(actor.fid(), actor.sessionId(), authPayload).orElse(null);
        String token = sessions.open(actor.fid(), actor.sessionId(), cert.serial(), cert.toPem(),
                cert.notAfter());
        return new SessionTokenRepresentation(token, payload);
    }
}
