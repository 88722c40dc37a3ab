package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.OptionalInt;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.internal.config.BruteForceSettings;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.storage.LoginFailureStore;
import org.polyproto.jakarta.internal.log.SecurityLog;

/**
 * The brute-force defence of {@code session/trust} ({@link BruteForceSettings}): every password attempt of an
 * existing actor is counted in the {@link LoginFailureStore} before the password is checked, in a transaction of
 * its own, so that concurrent guesses on any number of nodes take turns. The attempt that uses up the free ones
 * locks the actor in that same transaction; while the lock lasts, attempts are not admitted.
 */
@ApplicationScoped
public class PasswordAttempts {

    @Inject
    LoginFailureStore store;
    @Inject
    PolyprotoConfig config;
    @Inject
    PolyprotoClock clock;
    @Inject
    Transactions transactions;
    @Inject
    ModuleMetrics metrics;

    /**
     * Counts an attempt for {@code fid}; false when the actor is locked, and then its password must be treated as
     * wrong, whatever it is.
     */
    public boolean admit(FederationId fid) {
        BruteForceSettings settings = config.bruteForce();
        Instant now = clock.now();
        OptionalInt attempt = Transactions.retriedOnConflict(() -> transactions.call(() -> {
            OptionalInt counted = store.count(fid, now, now.minus(settings.resetAfter()));
            if (counted.isPresent() && counted.getAsInt() >= settings.maxFailures()) {
                store.lock(fid, now.plus(lock(settings, counted.getAsInt())));
            }
            return counted;
        }));
        if (attempt.isEmpty()) {
            SecurityLog.attemptDuringLock(fid);
            metrics.bruteForce("REFUSED");
        } else if (attempt.getAsInt() >= settings.maxFailures()) {
            SecurityLog.actorLocked(fid, attempt.getAsInt(), lock(settings, attempt.getAsInt()));
            metrics.bruteForce("LOCKED");
        }
        return attempt.isPresent();
    }

    private static java.time.Duration lock(BruteForceSettings settings, int attempt) {
        return settings.lockAfter(attempt - settings.maxFailures() + 1);
    }

    /**
     * For a name that is no actor: the same round trip to the store as {@link #admit} takes, storing nothing, so
     * that the time of a refusal does not tell whether the name exists.
     */
    public void askedForNoActor(FederationId fid) {
        Instant now = clock.now();
        transactions.call(() -> store.isLocked(fid, now));
    }

    /** The actor gave the right password: its attempts are forgotten. */
    public void succeeded(FederationId fid) {
        transactions.run(() -> store.clear(fid));
    }
}
