package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.ChallengeStore;
import org.polyproto.jakarta.spi.storage.CompletedKeyTrial;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IdCertStore;
import org.polyproto.jakarta.spi.storage.KeyTrialStore;
import org.polyproto.jakarta.spi.storage.SessionStore;

/**
 * The key-trial log of polyproto-core v1 ({@code POST keytrial}, {@code GET keytrial/{fid}}): an actor of this
 * server completes a trial of this server (a challenge, used once) with the key of one of its valid ID-Certs, and
 * the completion is kept, at most {@value #KEPT_PER_ACTOR} per actor (the oldest go), for anyone to read once the
 * trial has expired. A refused completion still uses up its trial, as a refused identify does.
 */
@ApplicationScoped
public class KeyTrialLog {

    public static final int KEPT_PER_ACTOR = 100;

    @Inject
    Challenges trials;
    @Inject
    ChallengeStore challenges;
    @Inject
    IdCertStore idCerts;
    @Inject
    KeyTrialStore store;
    @Inject
    SessionStore sessions;
    @Inject
    LocalActors localActors;
    @Inject
    Transactions transactions;
    @Inject
    PolyprotoClock clock;

    @Transactional(dontRollbackOn = PolyprotoException.class)
    public CompletedKeyTrial complete(FederationId fid, String trial, byte[] signature, BigInteger serial) {
        localActors.requireLocal(fid, "complete key trials");
        Instant now = clock.now();
        Challenge issued = trials.verify(trial).orElseThrow(Identification::challengeInvalid);
        if (!challenges.use(issued)) {
            throw Identification.challengeInvalid();
        }
        IdCertRecord cert = idCerts.find(serial).filter(c -> c.fid().equals(fid) && c.validAt(now))
                .orElseThrow(() -> new PolyprotoException(ErrorCode.IDCERT_INVALID,
                        "No valid ID-Cert of this actor has that serial number."));
        byte[] key = ParsedIdCert.parse(PemCodec.decode(cert.pem()).orElseThrow()).publicKey();
        if (!StrictEd25519.verify(key, trial.getBytes(StandardCharsets.UTF_8), signature)) {
            throw new PolyprotoException(ErrorCode.SIGNATURE_INVALID, "The trial's signature does not verify.");
        }
        sessions.lockActor(fid);
        CompletedKeyTrial completed = new CompletedKeyTrial(trial, issued.expiresAt(), signature, serial, now);
        store.add(fid, completed);
        store.trim(fid, KEPT_PER_ACTOR);
        return completed;
    }

    /**
     * The completions of an actor of this server whose trials have expired, newest first, at most {@code limit}
     * (0: {@value #KEPT_PER_ACTOR}), of one trial if {@code id} is given, completed within the given times.
     */
    public List<CompletedKeyTrial> completed(FederationId fid, Optional<String> id, Optional<Instant> notBefore,
                                             Optional<Instant> notAfter, int limit) {
        localActors.requireRegistered(fid);
        Instant now = clock.now();
        return transactions.call(() -> store.find(fid, id, now, notBefore.orElse(Instant.EPOCH), notAfter.orElse(now),
                limit == 0 ? KEPT_PER_ACTOR : Math.min(limit, KEPT_PER_ACTOR)));
    }
}
