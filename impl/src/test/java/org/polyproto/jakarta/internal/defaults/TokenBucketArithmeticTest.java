package org.polyproto.jakarta.internal.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.internal.config.TestConfig;
import org.polyproto.jakarta.spi.RouteClass;

/**
 * The token bucket's arithmetic, beyond {@link TokenBucketRateLimiterTest}: the burst cap, refill at rates that are
 * no whole number of tokens a second, what Retry-After promises, and that the route classes and evictions leave
 * every key exactly its allowance.
 */
class TokenBucketArithmeticTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    private TokenBucketRateLimiter limiter(int burst, int perMinute, int maxTracked) {
        Map<String, String> settings = new HashMap<>();
        settings.put("polyproto.rate-limit.register.burst", Integer.toString(burst));
        settings.put("polyproto.rate-limit.register.per-minute", Integer.toString(perMinute));
        settings.put("polyproto.rate-limit.max-tracked", Integer.toString(maxTracked));
        return TestRateLimiters.tokenBucket(TestConfig.of(settings), now::get);
    }

    private static int granted(TokenBucketRateLimiter limiter, String key) {
        int granted = 0;
        while (limiter.acquire(RouteClass.REGISTER, key).isEmpty()) {
            granted++;
        }
        return granted;
    }

    private static long retryAfter(TokenBucketRateLimiter limiter, String key) {
        OptionalLong refused = limiter.acquire(RouteClass.REGISTER, key);
        assertTrue(refused.isPresent(), "refused");
        return refused.getAsLong();
    }

    @Test
    void aNewKeyGetsExactlyTheBurstAndAnIdleOneNeverMore() {
        TokenBucketRateLimiter limiter = limiter(5, 60, 100);
        assertEquals(5, granted(limiter, "a"));

        now.addAndGet(3_600 * SECOND);
        assertEquals(5, granted(limiter, "a"), "an hour of refill is capped at the burst");
    }

    @Test
    void aFractionalRateRefillsToTheMicrosecond() {
        // 7 a minute: one token every 60/7 s = 8,571,428,571.43 ns
        TokenBucketRateLimiter limiter = limiter(1, 7, 100);
        long start = now.get();
        assertEquals(1, granted(limiter, "a"));

        now.set(start + 8_571_427_000L);
        assertEquals(1, retryAfter(limiter, "a"), "a fraction of a second left counts as one");
        now.set(start + 8_571_428_572L);
        assertTrue(limiter.acquire(RouteClass.REGISTER, "a").isEmpty());
    }

    @Test
    void refusedRequestsDoNotLoseTheFractionRefilledMeanwhile() {
        TokenBucketRateLimiter limiter = limiter(1, 7, 100);
        long start = now.get();
        granted(limiter, "a");
        for (long t = 1; t <= 8; t++) {
            now.set(start + t * SECOND);
            assertEquals(9 - t, retryAfter(limiter, "a"), "at " + t + " s");
        }
        now.set(start + 8_571_428_572L);
        assertTrue(limiter.acquire(RouteClass.REGISTER, "a").isEmpty());
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextTokenRoundedUp() {
        Map<Integer, Long> expected = Map.of(
                1, 60L,     // 60 s
                7, 9L,      // 8.57 s
                30, 2L,     // exactly 2 s
                40, 2L,     // 1.5 s
                60, 1L,     // exactly 1 s
                120, 1L,    // 0.5 s: never 0
                6_000, 1L); // 0.01 s
        expected.forEach((perMinute, seconds) -> {
            TokenBucketRateLimiter limiter = limiter(1, perMinute, 100);
            granted(limiter, "a");
            assertEquals(seconds, retryAfter(limiter, "a"), perMinute + " a minute");
        });
    }

    @Test
    void waitingRetryAfterIsAlwaysEnoughAndNeverTooMuch() {
        for (int perMinute = 1; perMinute <= 600; perMinute++) {
            TokenBucketRateLimiter limiter = limiter(1, perMinute, 100);
            String key = "k";
            granted(limiter, key);
            long seconds = retryAfter(limiter, key);
            if (seconds > 1) {
                now.addAndGet((seconds - 1) * SECOND);
                assertTrue(limiter.acquire(RouteClass.REGISTER, key).isPresent(),
                        perMinute + " a minute: a second less than Retry-After is too early");
                now.addAndGet(SECOND);
            } else {
                now.addAndGet(seconds * SECOND);
            }
            assertTrue(limiter.acquire(RouteClass.REGISTER, key).isEmpty(),
                    perMinute + " a minute: granted after Retry-After (" + seconds + " s)");
        }
    }

    @Test
    void eachRouteClassHasItsOwnBucketAndRate() {
        Map<String, String> settings = new HashMap<>();
        int burst = 1;
        for (RouteClass routeClass : RouteClass.values()) {
            settings.put("polyproto.rate-limit." + routeClass.key() + ".burst", Integer.toString(burst++));
            settings.put("polyproto.rate-limit." + routeClass.key() + ".per-minute", "1");
        }
        TokenBucketRateLimiter limiter = TestRateLimiters.tokenBucket(TestConfig.of(settings), now::get);

        int expected = 1;
        for (RouteClass routeClass : RouteClass.values()) {
            int granted = 0;
            while (limiter.acquire(routeClass, "192.0.2.1").isEmpty()) {
                granted++;
            }
            assertEquals(expected++, granted, routeClass + " after the classes before it were drained");
        }
    }

    @Test
    void evictionKeepsTheExactAllowanceOfARefillingKey() {
        // burst 2, one token every 2 s, two keys tracked
        TokenBucketRateLimiter limiter = limiter(2, 30, 2);
        long start = now.get();
        assertEquals(2, granted(limiter, "a"));
        now.set(start + 3 * SECOND); // a has 1.5 tokens, 1 s from full
        assertTrue(limiter.acquire(RouteClass.REGISTER, "b").isEmpty());
        assertEquals(1, granted(limiter, "b"));

        for (int i = 0; i < 50; i++) {
            assertEquals(1, retryAfter(limiter, "n" + i), "table full: until a is full again, 1 s");
        }
        assertEquals(2, limiter.tracked(RouteClass.REGISTER));
        assertEquals(1, granted(limiter, "a"), "a kept its 1.5 tokens through the churn, not a new burst");
        assertEquals(1, retryAfter(limiter, "a"), "and the half token it has left");
    }

    @Test
    void aFullBucketThatWasEvictedComesBackWithTheBurstAndNoMore() {
        TokenBucketRateLimiter limiter = limiter(3, 60, 1);
        assertEquals(3, granted(limiter, "a"));
        now.addAndGet(3 * SECOND); // a is full again, so it may make room
        assertEquals(3, granted(limiter, "b"));
        assertEquals(1, limiter.tracked(RouteClass.REGISTER));

        assertEquals(3, retryAfter(limiter, "a"), "b needs 3 s to be full; a waits for its slot");
        now.addAndGet(3 * SECOND);
        assertEquals(3, granted(limiter, "a"));
    }
}
