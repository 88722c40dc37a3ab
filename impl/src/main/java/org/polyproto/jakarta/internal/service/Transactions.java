package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;
import org.polyproto.jakarta.spi.storage.StorageConflictException;

/**
 * Where a service begins a transaction around part of its work, because the rest must not run in one (a password
 * hash, a fetch from another home server). Services whose whole method is storage work are {@code @Transactional}
 * themselves; stores never begin transactions (they require the caller's).
 */
@ApplicationScoped
public class Transactions {

    static final int ATTEMPTS = 10;

    /** {@code work}'s answer, computed in a new or the caller's transaction. */
    @Transactional
    public <T> T call(Supplier<T> work) {
        return work.get();
    }

    /** Runs {@code work} in a new or the caller's transaction. */
    @Transactional
    public void run(Runnable work) {
        work.run();
    }

    /**
     * Runs {@code transaction} again when it lost a race ({@link StorageConflictException}): two identifies for
     * the same (actor, session ID) both replace the session, or the database picked it as a deadlock victim. The
     * loser's transaction was rolled back whole (its challenge too), so running it again is exactly the
     * replacement the contract asks for. {@code transaction} must begin and end its own transaction.
     */
    public static <T> T retriedOnConflict(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (StorageConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                pauseBefore(attempt + 1);
            }
        }
    }

    /**
     * A random pause, up to 5 ms before the second attempt and doubling up to 80 ms, so that the losers of one race
     * do not meet again (a storm of identifies for one session deadlocks InnoDB over and over without it).
     */
    private static void pauseBefore(int attempt) {
        long ceiling = Math.min(80, 5L << Math.min(attempt - 2, 4));
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageConflictException("polyproto: interrupted before running a transaction again", e);
        }
    }
}
