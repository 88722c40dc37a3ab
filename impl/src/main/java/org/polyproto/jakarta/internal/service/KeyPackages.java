package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.spi.RateLimiter;
import org.polyproto.jakarta.spi.RouteClass;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.storage.ClaimedKeyPackage;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.KeyPackageStore;
import org.polyproto.jakarta.spi.storage.SessionStore;
import org.polyproto.jakarta.internal.log.SecurityLog;

/** Upload and hand-out of MLS KeyPackages, with the caps and the LOW_KEY_PACKAGES signal. */
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
     * Stores regular packages for the client; refuses the whole request if a cap would be exceeded. Only this
     * server's actors keep KeyPackages here (they are served only for them): a foreign session gets 403.
     */
    @Transactional
    public void upload(ClientId client, List<String> keyPackages) {
        requireLocal(client);
        if (keyPackages.size() > config.keyPackages().maxPerRequest()) {
            throw badRequest("At most " + config.keyPackages().maxPerRequest() + " KeyPackages per request.");
        }
        keyPackages.forEach(KeyPackages::requireSize);
        store.add(client, keyPackages);
        if (store.countRegular(client) > config.keyPackages().maxPerClient()) {
            throw badRequest("At most " + config.keyPackages().maxPerClient() + " KeyPackages per client.");
        }
    }

    @Transactional
    public void putLastResort(ClientId client, String keyPackage) {
        requireLocal(client);
        requireSize(keyPackage);
        store.putLastResort(client, keyPackage);
    }

    /**
     * One package per live client of the actor: a regular one, consumed, else the last-resort one. Claims are
     * limited per requester and target ({@link RouteClass#ACTOR}), so that nobody drains an actor's packages. The
     * claims run in one transaction, run again if it loses a race (a client's first queued event).
     */
    public List<String> fetch(FederationId requester, String fidText) {
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

    private List<String> claimOnePerClient(FederationId fid) {
        Instant now = clock.now();
        List<String> out = new ArrayList<>();
        for (ClientId client : sessions.findByActor(fid).stream().filter(s -> now.isBefore(s.expiresAt()))
                .map(ClientId::of).distinct().toList()) {
            Optional<ClaimedKeyPackage> claimed = store.claim(client);
            claimed.ifPresent(c -> out.add(c.keyPackage()));
            claimed.filter(c -> !c.lastResort() && c.regularRemaining() < config.keyPackages().lowThreshold())
                    .ifPresent(c -> notifications.lowKeyPackages(client, c.regularRemaining()));
        }
        return out;
    }

    private static void requireSize(String keyPackage) {
        if (keyPackage.isEmpty() || keyPackage.length() > MAX_PACKAGE_LENGTH) {
            throw badRequest("A KeyPackage has 1 to " + MAX_PACKAGE_LENGTH + " characters.");
        }
    }

    private static PolyprotoException badRequest(String message) {
        return new PolyprotoException(ErrorCode.BAD_REQUEST, message);
    }

    private void requireLocal(ClientId client) {
        localActors.requireLocal(client.fid(), "keep KeyPackages");
    }
}
