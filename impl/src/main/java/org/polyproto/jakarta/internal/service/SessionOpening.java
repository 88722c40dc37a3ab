package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.SessionTokenRepresentation;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.ChallengeStore;
import org.polyproto.jakarta.spi.IdentifyHandler;
import org.polyproto.jakarta.spi.ServerKey;

/**
 * The last step of identify, its one transaction, with no network I/O: records the challenge as used (exactly one of
 * concurrent attempts, on any node, gets it), checks a home actor's certificate against the issued record and its
 * signer ({@code homeSigner}, verified before the transaction) as still in force, asks the
 * {@link IdentifyHandler}, and opens the session. A refusal commits the used challenge all the same.
 */
@ApplicationScoped
public class SessionOpening {

    @Inject
    ChallengeStore challenges;
    @Inject
    CertificateTrust trust;
    @Inject
    IdentifyHandler handler;
    @Inject
    Sessions sessions;
    @Inject
    PolyprotoClock clock;

    @Transactional(dontRollbackOn = PolyprotoException.class)
    public SessionTokenRepresentation open(Challenge challenge, ParsedIdCert cert, PolyprotoNames.ActorName actor,
                                           Optional<ServerKey> homeSigner, JsonObject authPayload) {
        if (!challenges.use(challenge)) {
            throw Identification.challengeInvalid();
        }
        if (homeSigner.isPresent()) {
            trust.requireOnRecord(cert, actor, homeSigner.get(), clock.now());
        }
        JsonObject payload = handler.onIdentify(actor.fid(), actor.sessionId(), authPayload).orElse(null);
        String token = sessions.open(actor.fid(), actor.sessionId(), cert.serial(), cert.toPem(),
                cert.notAfter());
        return new SessionTokenRepresentation(token, payload);
    }
}
