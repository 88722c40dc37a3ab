package org.polyproto.jakarta.internal.config;

import java.time.Duration;
import java.util.List;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * The brute-force defence of {@code session/trust}, counted per actor in the database so that it holds across
 * nodes and client addresses: after {@code maxFailures} attempts without a success the actor is locked for
 * {@code firstLock}; after the lock one attempt is admitted, and if it fails too the next lock is twice as long, up
 * to {@code maxLock}. A locked actor's attempts are answered as a wrong password, whatever the password.
 *
 * @param maxFailures {@value #MAX_FAILURES}
 * @param firstLock {@value #WAIT}
 * @param maxLock {@value #MAX_WAIT}
 * @param resetAfter {@value #RESET_AFTER}
 */
public record BruteForceSettings(int maxFailures, Duration firstLock, Duration maxLock, Duration resetAfter) {

    /**
     * Password attempts for one actor, since its last success, before the first lock. 1 to 1000000; default 10.
     *
     * @since 0.3
     */
    public static final String MAX_FAILURES = "polyproto.brute-force.max-failures";
    /**
     * The first lock. A duration; default 1 minute.
     *
     * @since 0.3
     */
    public static final String WAIT = "polyproto.brute-force.wait";
    /**
     * The longest lock (each further attempt doubles the lock up to this). A duration, at least the first lock;
     * default 15 minutes.
     *
     * @since 0.3
     */
    public static final String MAX_WAIT = "polyproto.brute-force.max-wait";
    /**
     * How long without an attempt before an actor's count starts again. A duration; default 12 hours.
     *
     * @since 0.3
     */
    public static final String RESET_AFTER = "polyproto.brute-force.reset-after";

    public static final List<String> KEYS = List.of(MAX_FAILURES, WAIT, MAX_WAIT, RESET_AFTER);

    public static BruteForceSettings read(ConfigurationSource source) {
        Duration wait = source.duration(WAIT, Duration.ofMinutes(1));
        Duration maxWait = source.duration(MAX_WAIT, Duration.ofMinutes(15));
        if (maxWait.compareTo(wait) < 0) {
            throw new InvalidConfigurationException(MAX_WAIT, "must be at least " + WAIT + " (" + wait + "), was "
                    + maxWait);
        }
        return new BruteForceSettings(source.integer(MAX_FAILURES, 10, 1, 1_000_000), wait, maxWait,
                source.duration(RESET_AFTER, Duration.ofHours(12)));
    }

    /** The lock after the {@code n}-th attempt beyond the free ones (1 for the first lock). */
    public Duration lockAfter(int n) {
        int doublings = Math.min(n - 1, 30);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return lock.compareTo(maxLock) > 0 || lock.isNegative() ? maxLock : lock;
    }
}
