package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x500.X500Name;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.IdCertFactory;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.internal.cert.VerifiedSignatures;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.spi.ServerKey;
import org.polyproto.jakarta.spi.ServerKeyCustody;
import org.polyproto.jakarta.spi.ServerSigningKey;
import org.polyproto.jakarta.internal.log.ModuleLog;
import org.polyproto.jakarta.internal.log.SecurityLog;
import java.math.BigInteger;

/**
 * This server's identity: creates the first key on start, rotates it, answers which certificate was current when,
 * and finds the generation that signed an ID-Cert.
 * <p>
 * Keeps a copy of the custody's state that is read again when it is older than
 * {@code polyproto.server-key.refresh}, so a rotation on another node is served here within that time. What must
 * never use a retired key asks the custody itself, in the caller's transaction: {@link #signingKey()} for an
 * issuance and {@link #requireInForce} for a home actor's identify.
 */
@ApplicationScoped
public class ServerKeys {

    /** ID-Certs whose signature by one of this server's keys is remembered: about 1.5 MB. */
    static final int VERIFIED_SIGNATURES = 10_000;

    @Inject
    ServerKeyCustody custody;
    @Inject
    PolyprotoConfig config;
    @Inject
    Secrets secrets;
    @Inject
    PolyprotoClock clock;
    @Inject
    Notifications notifications;
    @Inject
    ServerCertExpiry expiry;
    @Inject
    Transactions transactions;

    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final AtomicBoolean reloading = new AtomicBoolean();
    private final VerifiedSignatures verified = new VerifiedSignatures(VERIFIED_SIGNATURES);

    /** Creates the server's first key if the custody has none. */
    public void ensureKey() {
        if (custody.current().isEmpty()) {
            ServerSigningKey first = custody.initialize(generate(clock.now()));
            ModuleLog.firstServerKey(first.key().serial(), config.server().domain());
        }
        expiry.warnIfExpiring(reload().current.key(), clock.now());
    }

    /** The key in force as this node last read it (at most the refresh interval ago), with its private part. */
    public ServerSigningKey current() {
        return snapshot().current;
    }

    /**
     * The key to sign with now, confirmed by the custody in the caller's transaction: a key that another node has
     * retired is never used, whatever this node's copy says.
     */
    public ServerSigningKey signingKey() {
        ServerSigningKey key = current();
        if (custody.inForce(key.key().serial())) {
            return key;
        }
        key = reload().current;
        if (custody.inForce(key.key().serial())) {
            return key;
        }
        throw new PolyprotoException(ErrorCode.UNAVAILABLE, "The server key is being rotated; try again.");
    }

    /**
     * Whether {@code signer}, which this node's copy holds to be in force, still is, asked of the custody in the
     * caller's transaction. A "no" does not make this node read the custody again: certificates of a retired key
     * are public, and presenting them must not buy a reload each; the copy catches up within the refresh interval.
     */
    public boolean isInForce(ServerKey signer) {
        return custody.inForce(signer.serial());
    }

    /** Whether this node has read the server key (at start; a readiness check asks). */
    public boolean isLoaded() {
        return snapshot.get() != null;
    }

    public X500Name serverName() {
        return PolyprotoNames.serverName(config.server().domain());
    }

    /** The certificate that was current at {@code t}. */
    public Optional<ServerKey> at(Instant t) {
        return snapshot().history.stream().filter(g -> g.key().currentAt(t)).map(Generation::key)
                .reduce((older, newer) -> newer);
    }

    /** The generation whose key signed {@code cert}, looked up newest first in this node's copy. */
    public Optional<ServerKey> signerOf(ParsedIdCert cert) {
        return find(snapshot(), cert);
    }

    /**
     * Replaces the key in force by a new one and queues {@code SERVER_KEY_CHANGE}, in one transaction: the event
     * goes out once per rotation, from the node that rotated. Returns the new certificate, PEM.
     */
    public String rotate() {
        Instant now = clock.now();
        ServerSigningKey next = generate(now);
        BigInteger retiring = current().key().serial();
        boolean rotated = transactions.call(() -> {
            if (!custody.rotate(next, retiring, now)) {
                return false;
            }
            notifications.serverKeyChange(next.key().certificatePem(), now);
            return true;
        });
        reload();
        if (!rotated) {
            throw new PolyprotoException(409, "P2CORE_ROTATION_CONFLICT",
                    "Another rotation of the server key happened at the same time; fetch the current key.");
        }
        SecurityLog.serverKeyRotated(retiring, next.key().serial());
        return next.key().certificatePem();
    }

    private Optional<ServerKey> find(Snapshot s, ParsedIdCert cert) {
        return verified.signerOf(cert, s.newestFirst, Generation::publicKey).map(Generation::key);
    }

    private ServerSigningKey generate(Instant at) {
        // X.509 times have whole seconds; the ServerKey must say what its certificate says, since ID-Certs issued
        // in its first minute start at its notBefore and are checked against it.
        Instant now = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        byte[] seed = StrictEd25519.generatePrivateKey(secrets.random());
        BigInteger serial = IdCertFactory.newSerial(secrets.random());
        Instant notAfter = now.plus(config.certificates().serverCertLifetime());
        byte[] der = IdCertFactory.serverCertificate(seed, config.server().domain(), serial, now, notAfter);
        ServerKey key = new ServerKey(serial, PemCodec.encode(PemCodec.CERTIFICATE, der), now, notAfter,
                Optional.empty());
        return new ServerSigningKey(key, seed);
    }

    /**
     * This node's copy, read again when older than the refresh interval. One caller reads while the others go on
     * with the copy they have, so a slow custody does not make every request wait for it; a custody that cannot
     * answer (the database is down, and no rotation can commit) leaves the copy as it is.
     */
    private Snapshot snapshot() {
        Snapshot s = snapshot.get();
        if (s == null) {
            return reload();
        }
        if (clock.now().isBefore(s.loadedAt.plus(config.certificates().serverKeyRefresh()))
                || !reloading.compareAndSet(false, true)) {
            return s;
        }
        try {
            return reload();
        } catch (RuntimeException e) {
            ModuleLog.serverKeyNotReread(e);
            return s;
        } finally {
            reloading.set(false);
        }
    }

    /**
     * Reads the custody without holding a lock (its reads are transactions; a lock around them would make every
     * caller wait for the pool in turn). Of two concurrent reloads the one that knows more generations stays.
     */
    private Snapshot reload() {
        ServerSigningKey current = custody.current().orElseThrow(() -> new PolyprotoException(ErrorCode.UNAVAILABLE,
                "The server has no identity key yet."));
        List<Generation> history = custody.history().stream().map(Generation::of).toList();
        return snapshot.accumulateAndGet(new Snapshot(current, history, clock.now()), Snapshot::newer);
    }

    private record Snapshot(ServerSigningKey current, List<Generation> history, Instant loadedAt,
                            List<Generation> newestFirst) {
        Snapshot(ServerSigningKey current, List<Generation> history, Instant loadedAt) {
            this(current, history, loadedAt, reversed(history));
        }

        private static List<Generation> reversed(List<Generation> history) {
            List<Generation> newestFirst = new ArrayList<>(history);
            Collections.reverse(newestFirst);
            return List.copyOf(newestFirst);
        }

        static Snapshot newer(Snapshot kept, Snapshot loaded) {
            if (kept == null || loaded.history.size() > kept.history.size()) {
                return loaded;
            }
            if (loaded.history.size() < kept.history.size()) {
                return kept;
            }
            return loaded.loadedAt.isBefore(kept.loadedAt) ? kept : loaded;
        }
    }

    private record Generation(ServerKey key, byte[] publicKey) {
        static Generation of(ServerKey key) {
            byte[] der = PemCodec.decode(key.certificatePem()).orElseThrow();
            return new Generation(key, ParsedIdCert.parse(der).publicKey());
        }
    }
}
