package org.polyproto.jakarta.internal.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.SessionTokenRepresentation;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.ChallengeStore;
import org.polyproto.jakarta.spi.storage.IssuedChallengeUse;
import org.polyproto.jakarta.spi.IdentifyHandler;
import org.polyproto.jakarta.spi.ServerKey;

/**
 * The last step of identify, its one transaction, with no network I/O: records the challenge as used (exactly one of
 * concurrent attempts, on any node, gets it), checks a home actor's certificate against the issued record and its
 * signer ({@code homeSigner}, verified before the transaction) as still in force (both in one statement where the
 * stores offer {@link IssuedChallengeUse}), asks the
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

    @Inject
    Instance<IssuedChallengeUse> issuedUses;
    /** The challenge's use made on a home actor's issued record, if a bean offers it; null: separate calls. */
    IssuedChallengeUse issuedUse;

    @PostConstruct
    void init() {
        issuedUse = issuedUses.isResolvable() ? issuedUses.get() : null;
    }

    @Transactional(dontRollbackOn = PolyprotoException.class)
    public SessionTokenRepresentation open(Challenge challenge, ParsedIdCert cert, PolyprotoNames.ActorName actor,
                                           Optional<ServerKey> homeSigner, JsonObject authPayload) {
        String pem = cert.toPem();
        use(challenge, cert, pem, actor, homeSigner);
        JsonObject payload = handler.onIdentify(actor.fid(), actor.sessionId(), authPayload).orElse(null);
        String token = sessions.open(actor.fid(), actor.sessionId(), cert.serial(), pem, cert.notAfter());
        return new SessionTokenRepresentation(token, payload);
    }

    /**
     * Uses the challenge and checks a home actor's issued record: in one call where {@link IssuedChallengeUse}
     * offers it and says yes, else in the separate calls, which then also tell why.
     */
    private void use(Challenge challenge, ParsedIdCert cert, String pem, PolyprotoNames.ActorName actor,
                     Optional<ServerKey> homeSigner) {
        Instant now = clock.now();
        if (homeSigner.isPresent() && issuedUse != null && issuedUse.useForIssued(challenge, actor.fid(),
                cert.serial(), pem, homeSigner.get().serial(), now)) {
            return;
        }
        if (!challenges.use(challenge)) {
            throw Identification.challengeInvalid();
        }
        if (homeSigner.isPresent()) {
            trust.requireOnRecord(cert, actor, homeSigner.get(), now);
        }
    }
}
