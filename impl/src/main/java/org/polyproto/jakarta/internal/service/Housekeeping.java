package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.polyproto.jakarta.spi.storage.ChallengeStore;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.EventQueue;
import org.polyproto.jakarta.spi.storage.KeyPackageStore;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.spi.storage.SessionStore;
import org.polyproto.jakarta.internal.log.ModuleLog;

/**
 * Removes expired challenges and expired sessions with their KeyPackages and event queues. Runs at most once per
 * {@code polyproto.housekeeping.interval} (default a minute), piggy-backed on identify requests, so the module
 * needs no timer service of the host.
 */
@ApplicationScoped
public class Housekeeping {

    private static final int BATCH = 500;

    @Inject
    ChallengeStore challenges;
    @Inject
    SessionStore sessions;
    @Inject
    KeyPackageStore keyPackages;
    @Inject
    EventQueue events;
    @Inject
    org.polyproto.jakarta.spi.storage.LoginFailureStore loginFailures;
    @Inject
    PolyprotoClock clock;
    @Inject
    org.polyproto.jakarta.internal.config.PolyprotoConfig config;

    private final AtomicLong nextRun = new AtomicLong();
    private long intervalMillis;

    @jakarta.annotation.PostConstruct
    void init() {
        intervalMillis = config.sessions().housekeepingInterval().toMillis();
    }

    /** Runs {@link #sweep} if the interval has passed; only one caller wins the slot. */
    public boolean due() {
        long now = clock.now().toEpochMilli();
        long next = nextRun.get();
        return now >= next && nextRun.compareAndSet(next, now + intervalMillis);
    }

    @Transactional
    public void sweep() {
        Instant now = clock.now();
        int challengesRemoved = challenges.purgeExpired(now);
        List<Session> ended = sessions.purgeExpired(now, BATCH);
        for (Session session : ended) {
            forget(session);
        }
        int attemptsForgotten = loginFailures.purge(now.minus(config.bruteForce().resetAfter()), now);
        int broadcastsRemoved = events.purgeBroadcasts(now.minus(config.sessions().tokenTtl()));
        int keyPackagesRemoved = keyPackages.purgeExpired(now);
        if (challengesRemoved + ended.size() + attemptsForgotten + broadcastsRemoved + keyPackagesRemoved > 0) {
            ModuleLog.housekeeping(challengesRemoved, ended.size(), attemptsForgotten, broadcastsRemoved,
                    keyPackagesRemoved);
        }
    }

    /** Drops the KeyPackages and queued events of an ended session. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(Session session) {
        ClientId client = ClientId.of(session);
        keyPackages.removeAll(client);
        events.clear(client);
    }
}
