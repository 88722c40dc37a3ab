package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.spi.RateLimiter;
import org.polyproto.jakarta.spi.RouteClass;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.mls.InvalidKeyPackageException;
import org.polyproto.jakarta.internal.mls.KeyPackageRules;
import org.polyproto.jakarta.spi.storage.ClaimedKeyPackage;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.KeyPackageStore;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.spi.storage.SessionStore;
import org.polyproto.jakarta.spi.storage.StoredKeyPackage;
import org.polyproto.jakarta.internal.log.SecurityLog;

/**
 * Upload and hand-out of MLS KeyPackages, with the caps and the LOW_KEY_PACKAGES signal. Every package is checked
 * ({@link KeyPackageRules}) before the transaction that stores it; that transaction records each init key, so that
 * an init key seen before, from any client on any node, refuses the whole upload.
 */
@ApplicationScoped
public class KeyPackages {

    public static final int MAX_PACKAGE_LENGTH = 16384;

    @Inject
    ModuleMetrics metrics;
    @Inject
    KeyPackageStore store;
    @Inject
    SessionStore sessions;
    @Inject
    LocalActors localActors;
    @Inject
    Notifications notifications;
    @Inject
    PolyprotoConfig config;
    @Inject
    PolyprotoClock clock;
    @Inject
    RateLimiter limiter;
    @Inject
    Transactions transactions;

    /**
     * Stores regular packages for the session's client; see {@link #upload(Session, List, String)}.
     */
    public void upload(Session session, List<String> keyPackages) {
        upload(session, keyPackages, null);
    }

    /** Replaces the session's client's last-resort package, checked like a regular one, with {@code last_resort}. */
    public void putLastResort(Session session, String keyPackage) {
        upload(session, List.of(), keyPackage);
    }

    /**
     * Stores regular packages and, if given, a new last-resort package for the session's client, all or none: the
     * request is refused if one is not a valid package bound to the session's ID-Cert, a regular one carries the
     * {@code last_resort} extension or the last-resort one lacks it, an init key was uploaded before, or a cap would
     * be exceeded. Only this server's actors keep KeyPackages here (they are served only for them): a foreign session
     * gets 403.
     *
     * @param lastResort a last-resort package, or null
     */
    public void upload(Session session, List<String> regular, String lastResort) {
        ClientId client = ClientId.of(session);
        requireLocal(client);
        if (regular.size() > config.keyPackages().maxPerRequest()) {
            throw badRequest("At most " + config.keyPackages().maxPerRequest() + " KeyPackages per request.");
        }
        KeyPackageRules.Uploader uploader = uploader(session);
        Instant now = clock.now();
        List<StoredKeyPackage> checked = new ArrayList<>(regular.size() + 1);
        for (int i = 0; i < regular.size(); i++) {
            KeyPackageRules.Checked c = check(i, regular.get(i), uploader, now);
            if (c.lastResortExtension()) {
                throw invalid(i, "it carries the last_resort extension; upload it as the last-resort package");
            }
            checked.add(c.stored());
        }
        StoredKeyPackage lastResortChecked = lastResort == null ? null
                : checkLastResort(regular.size(), lastResort, uploader, now);
        List<StoredKeyPackage> all = new ArrayList<>(checked);
        if (lastResortChecked != null) {
            all.add(lastResortChecked);
        }
        Transactions.retriedOnConflict(() -> transactions.call(() -> {
            recordInitKeys(all);
            if (!checked.isEmpty()) {
                store.add(client, checked);
                if (store.countRegular(client) > config.keyPackages().maxPerClient()) {
                    throw badRequest("At most " + config.keyPackages().maxPerClient() + " KeyPackages per client.");
                }
            }
            if (lastResortChecked != null) {
                store.putLastResort(client, lastResortChecked);
            }
            return null;
        }));
    }

    /**
     * Drops the client's packages once its ID-Cert changed (they bind the old key); a client that held regular ones
     * is asked for new ones with {@code LOW_KEY_PACKAGES}. In the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dropForNewKey(ClientId client) {
        int held = store.countRegular(client);
        store.removeAll(client);
        if (held > 0) {
            notifications.lowKeyPackages(client, 0);
        }
    }

    /**
     * One package per live client of the actor: a regular one, consumed, else the last-resort one. Claims are
     * limited per requester and target ({@link RouteClass#ACTOR}), so that nobody drains an actor's packages. The
     * claims run in one transaction, run again if it loses a race (a client's first queued event).
     */
    public List<ClaimedKeyPackage> fetch(FederationId requester, String fidText) {
        FederationId fid = FederationId.parse(fidText);
        limiter.acquire(RouteClass.ACTOR, "claim " + requester + " " + fid).ifPresent(seconds -> {
            SecurityLog.rateLimited(RouteClass.ACTOR.name(), "claim " + requester + " " + fid);
            metrics.rateLimited(RouteClass.ACTOR);
            throw PolyprotoException.retryAfter(ErrorCode.RATE_LIMITED,
                    "Too many KeyPackage claims for this actor; retry later.", Math.max(1, seconds), null);
        });
        localActors.requireRegistered(fid);
        return Transactions.retriedOnConflict(() -> transactions.call(() -> claimOnePerClient(fid)));
    }

    private List<ClaimedKeyPackage> claimOnePerClient(FederationId fid) {
        Instant now = clock.now();
        List<ClaimedKeyPackage> out = new ArrayList<>();
        for (ClientId client : sessions.clientsOf(fid, now)) {
            Optional<ClaimedKeyPackage> claimed = store.claim(client, now);
            claimed.ifPresent(out::add);
            claimed.filter(c -> !c.lastResort() && c.regularRemaining() < config.keyPackages().lowThreshold())
                    .ifPresent(c -> notifications.lowKeyPackages(client, c.regularRemaining()));
        }
        return out;
    }

    private void recordInitKeys(List<StoredKeyPackage> keyPackages) {
        Set<String> inThisUpload = new HashSet<>();
        for (int i = 0; i < keyPackages.size(); i++) {
            StoredKeyPackage p = keyPackages.get(i);
            if (!inThisUpload.add(p.initKeyHash()) || !store.recordInitKey(p.initKeyHash(), p.expiresAt())) {
                throw invalid(i, "its init_key was uploaded before");
            }
        }
    }

    private StoredKeyPackage checkLastResort(int index, String keyPackage, KeyPackageRules.Uploader uploader,
                                             Instant now) {
        KeyPackageRules.Checked c = check(index, keyPackage, uploader, now);
        if (!c.lastResortExtension()) {
            throw invalid(index, "a last-resort package must carry the last_resort extension");
        }
        return c.stored();
    }

    private KeyPackageRules.Checked check(int index, String keyPackage, KeyPackageRules.Uploader uploader,
                                          Instant now) {
        if (keyPackage.isEmpty() || keyPackage.length() > MAX_PACKAGE_LENGTH) {
            throw invalid(index, "it must have 1 to " + MAX_PACKAGE_LENGTH + " characters");
        }
        try {
            return rules().check(keyPackage, uploader, now);
        } catch (InvalidKeyPackageException e) {
            throw invalid(index, e.getMessage());
        }
    }

    private KeyPackageRules rules() {
        return new KeyPackageRules(config.keyPackages().maxLifetime(), config.certificates().idCertLeeway());
    }

    private static KeyPackageRules.Uploader uploader(Session session) {
        ParsedIdCert cert = ParsedIdCert.parse(PemCodec.decode(session.certPem()).orElseThrow());
        return new KeyPackageRules.Uploader(session.fid(), cert.der(), cert.publicKey());
    }

    private static PolyprotoException invalid(int index, String brokenBecause) {
        return new PolyprotoException(ErrorCode.KEYPACKAGE_INVALID, "KeyPackage " + index + " is refused: "
                + brokenBecause + ".");
    }

    private static PolyprotoException badRequest(String message) {
        return new PolyprotoException(ErrorCode.BAD_REQUEST, message);
    }

    private void requireLocal(ClientId client) {
        localActors.requireLocal(client.fid(), "keep KeyPackages");
    }
}
