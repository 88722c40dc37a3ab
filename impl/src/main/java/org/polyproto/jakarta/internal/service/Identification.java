package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.SessionTokenRepresentation;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.spi.Challenge;
import org.polyproto.jakarta.spi.ChallengeStore;
import org.polyproto.jakarta.spi.IdentifyHandler;
import org.polyproto.jakarta.spi.RateLimiter;
import org.polyproto.jakarta.spi.RouteClass;

/**
 * {@code POST p2core/session/identify}, contract §5. The challenge is consumed first, in the same transaction as
 * the session; a refusal ({@link PolyprotoException}) still commits, so the challenge is burnt, while a database
 * failure rolls everything back. Attempts per actor and client address are rate-limited once the ID-Cert names the
 * actor, before any signature check, so that one client cannot hammer one identity.
 */
@ApplicationScoped
public class Identification {

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
    RateLimiter limiter;

    @Transactional(dontRollbackOn = PolyprotoException.class)
    public SessionTokenRepresentation identify(String challenge, byte[] signature, byte[] certDer,
                                               JsonObject authPayload, String clientAddress) {
        Challenge issued = challenges.consume(challenge).orElseThrow(Identification::challengeInvalid);
        Instant now = clock.now();
        if (now.isAfter(issued.expiresAt())) {
            throw challengeInvalid();
        }
        ParsedIdCert cert = ParsedIdCert.parse(certDer);
        PolyprotoNames.ActorName actor = cert.requireActorProfile();
        limiter.acquire(RouteClass.ACTOR, clientAddress + " " + actor.fid()).ifPresent(seconds -> {
            throw PolyprotoException.retryAfter(ErrorCode.RATE_LIMITED, "Too many attempts for this actor; retry later.",
                    Math.max(1, seconds), null);
        });
        trust.requireTrusted(cert, actor, now);
        if (!StrictEd25519.verify(cert.publicKey(), challenge.getBytes(StandardCharsets.UTF_8), signature)) {
            throw new PolyprotoException(ErrorCode.SIGNATURE_INVALID, "The challenge signature does not verify.");
        }
        JsonObject payload = handler.onIdentify(actor.fid(), actor.sessionId(), authPayload).orElse(null);
        String token = sessions.open(actor.fid(), actor.sessionId(), cert.serial(), cert.toPem());
        return new SessionTokenRepresentation(token, payload);
    }

    private static PolyprotoException challengeInvalid() {
        return new PolyprotoException(ErrorCode.CHALLENGE_INVALID, "The challenge is unknown, expired or used.");
    }
}
