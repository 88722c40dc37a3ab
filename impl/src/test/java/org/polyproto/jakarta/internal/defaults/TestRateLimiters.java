package org.polyproto.jakarta.internal.defaults;

import java.util.function.LongSupplier;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;

/** Builds the default {@link TokenBucketRateLimiter} outside CDI for tests in other packages. */
public final class TestRateLimiters {

    private TestRateLimiters() {
    }

    /** @param nanos the limiter's monotonic clock, in nanoseconds */
    public static TokenBucketRateLimiter tokenBucket(PolyprotoConfig config, LongSupplier nanos) {
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter();
        limiter.config = config;
        limiter.clock = nanos;
        limiter.init();
        return limiter;
    }
}
