package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.SessionTokenRepresentation;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.ChallengeStore;
import org.polyproto.jakarta.spi.RateLimiter;
import org.polyproto.jakarta.spi.RouteClass;
import org.polyproto.jakarta.internal.log.ModuleLog;
import org.polyproto.jakarta.internal.log.SecurityLog;

/**
 * {@code POST p2core/session/identify}, contract §5, in three steps so that no database connection is held while
 * another home server is asked:
 * <ol>
 * <li>local checks, each in no transaction or a short one of its own: the challenge is known and unexpired, the
 * ID-Cert parses and fits the profile, the per-actor rate limit, the signature, and for actors of this server the
 * issuer and the issued record;</li>
 * <li>for other servers' actors, their home server's certificate and list, fetched outside any transaction;</li>
 * <li>one short transaction ({@link SessionOpening}) that consumes the challenge and opens the session.</li>
 * </ol>
 * A refusal after the challenge was found burns it in a short transaction of its own; a database failure burns
 * nothing.
 */
@ApplicationScoped
public class Identification {

    @Inject
    ChallengeStore challenges;
    @Inject
    CertificateTrust trust;
    @Inject
    SessionOpening opening;
    @Inject
    PolyprotoClock clock;
    @Inject
    RateLimiter limiter;
    @Inject
    Transactions transactions;
    @Inject
    ModuleMetrics metrics;

    public SessionTokenRepresentation identify(String challenge, byte[] signature, byte[] certDer,
                                               JsonObject authPayload, String clientAddress) {
        long start = System.nanoTime();
        try {
            SessionTokenRepresentation opened = verifiedAndOpened(challenge, signature, certDer, authPayload,
                    clientAddress);
            metrics.identify("OK", ModuleMetrics.since(start));
            return opened;
        } catch (PolyprotoException refused) {
            metrics.identify(refused.code(), ModuleMetrics.since(start));
            SecurityLog.identifyRefused(refused.code(), clientAddress);
            throw refused;
        }
    }

    private SessionTokenRepresentation verifiedAndOpened(String challenge, byte[] signature, byte[] certDer,
                                                         JsonObject authPayload, String clientAddress) {
        Instant now = clock.now();
        Optional<Challenge> issued = transactions.call(() -> challenges.find(challenge));
        if (issued.isEmpty()) {
            throw challengeInvalid();
        }
        if (now.isAfter(issued.get().expiresAt())) {
            burn(challenge);
            throw challengeInvalid();
        }
        ParsedIdCert cert;
        PolyprotoNames.ActorName actor;
        try {
            cert = ParsedIdCert.parse(certDer);
            actor = cert.requireActorProfile();
            limiter.acquire(RouteClass.ACTOR, clientAddress + " " + actor.fid()).ifPresent(seconds -> {
                SecurityLog.rateLimited(RouteClass.ACTOR.name(), clientAddress + " " + actor.fid());
                metrics.rateLimited(RouteClass.ACTOR);
                throw PolyprotoException.retryAfter(ErrorCode.RATE_LIMITED,
                        "Too many attempts for this actor; retry later.", Math.max(1, seconds), null);
            });
            if (!StrictEd25519.verify(cert.publicKey(), challenge.getBytes(StandardCharsets.UTF_8), signature)) {
                throw new PolyprotoException(ErrorCode.SIGNATURE_INVALID, "The challenge signature does not verify.");
            }
            trust.requireTrusted(cert, actor, now, clientAddress);
        } catch (PolyprotoException refused) {
            burn(challenge);
            throw refused;
        }
        return Transactions.retriedOnConflict(() -> opening.open(challenge, cert, actor, authPayload));
    }

    private void burn(String challenge) {
        try {
            transactions.call(() -> challenges.consume(challenge));
        } catch (RuntimeException e) {
            ModuleLog.refusedChallengeNotBurnt(e);
        }
    }

    static PolyprotoException challengeInvalid() {
        return new PolyprotoException(ErrorCode.CHALLENGE_INVALID, "The challenge is unknown, expired or used.");
    }
}
