package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
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
import org.polyproto.jakarta.spi.ServerKey;
import org.polyproto.jakarta.internal.log.ModuleLog;
import org.polyproto.jakarta.internal.log.SecurityLog;

/**
 * {@code POST p2core/session/identify}, contract §5, in three steps so that no database connection is held while
 * another home server is asked, and one transaction in all:
 * <ol>
 * <li>checks that need no store: the challenge's MAC and expiry ({@link Challenges}), the ID-Cert's parse and
 * profile, the per-actor rate limit, the signature, and for this server's actors the ID-Cert's signature by a
 * server key and its validity;</li>
 * <li>for other servers' actors, their home server's certificate and list, fetched outside any transaction;</li>
 * <li>one short transaction ({@link SessionOpening}) that records the challenge as used, checks a home actor's
 * issued record and that its signer is still in force, and opens the session.</li>
 * </ol>
 * A refusal after the challenge verified uses it up (in step 3's transaction, or in a short one of its own before);
 * a database failure uses up nothing. Housekeeping piggy-backs here, at most once per interval.
 */
@ApplicationScoped
public class Identification {

    @Inject
    Challenges challenges;
    @Inject
    ChallengeStore used;
    @Inject
    Housekeeping housekeeping;
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
        if (housekeeping.due()) {
            housekeeping.sweep();
        }
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

    private SessionTokenRepresentation verifiedAndOpened(String value, byte[] signature, byte[] certDer,
                                                         JsonObject authPayload, String clientAddress) {
        Challenge challenge = challenges.verify(value).orElseThrow(Identification::challengeInvalid);
        ParsedIdCert cert;
        PolyprotoNames.ActorName actor;
        Optional<ServerKey> homeSigner;
        try {
            cert = ParsedIdCert.parse(certDer);
            actor = cert.requireActorProfile();
            limiter.acquire(RouteClass.ACTOR, clientAddress + " " + actor.fid()).ifPresent(seconds -> {
                SecurityLog.rateLimited(RouteClass.ACTOR.name(), clientAddress + " " + actor.fid());
                metrics.rateLimited(RouteClass.ACTOR);
                throw PolyprotoException.retryAfter(ErrorCode.RATE_LIMITED,
                        "Too many attempts for this actor; retry later.", Math.max(1, seconds), null);
            });
            if (!StrictEd25519.verify(cert.publicKey(), value.getBytes(StandardCharsets.UTF_8), signature)) {
                throw new PolyprotoException(ErrorCode.SIGNATURE_INVALID, "The challenge signature does not verify.");
            }
            if (trust.isHomeActor(actor)) {
                homeSigner = Optional.of(trust.requireSignedHere(cert, clock.now()));
            } else {
                homeSigner = Optional.empty();
                trust.requireTrustedByHomeServer(cert, actor, clock.now(), clientAddress);
            }
        } catch (PolyprotoException refused) {
            burn(challenge);
            throw refused;
        }
        return Transactions.retriedOnConflict(() -> opening.open(challenge, cert, actor, homeSigner, authPayload));
    }

    /** Records a refused attempt's challenge as used, in a transaction of its own. */
    private void burn(Challenge challenge) {
        try {
            Transactions.retriedOnConflict(() -> transactions.call(() -> used.use(challenge)));
        } catch (RuntimeException e) {
            ModuleLog.refusedChallengeNotBurnt(e);
        }
    }

    static PolyprotoException challengeInvalid() {
        return new PolyprotoException(ErrorCode.CHALLENGE_INVALID, "The challenge is unknown, expired or used.");
    }
}
