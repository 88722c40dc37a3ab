package org.polyproto.jakarta.internal.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.internal.config.TestConfig;
import org.polyproto.jakarta.spi.RouteClass;

class TokenBucketRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);

    /** register: burst 2, one token a second; at most 100 keys per route class. */
    private TokenBucketRateLimiter limiter(Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("polyproto.rate-limit.max-tracked", "100",
                "polyproto.rate-limit.register.burst", "2", "polyproto.rate-limit.register.per-minute", "60",
                "polyproto.rate-limit.actor.burst", "1", "polyproto.rate-limit.actor.per-minute", "1"));
        settings.putAll(extra);
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter();
        limiter.config = TestConfig.of(settings);
        limiter.clock = now::get;
        limiter.init();
        return limiter;
    }

    private static void drain(TokenBucketRateLimiter limiter, RouteClass routeClass, String key) {
        while (limiter.acquire(routeClass, key).isEmpty()) {
            // take the whole burst
        }
    }

    @Test
    void refillsAtTheConfiguredRate() {
        TokenBucketRateLimiter limiter = limiter(Map.of());
        assertTrue(limiter.acquire(RouteClass.REGISTER, "a").isEmpty());
        assertTrue(limiter.acquire(RouteClass.REGISTER, "a").isEmpty());
        assertEquals(1, limiter.acquire(RouteClass.REGISTER, "a").getAsLong());
        now.addAndGet(SECOND);
        assertTrue(limiter.acquire(RouteClass.REGISTER, "a").isEmpty());
        assertFalse(limiter.acquire(RouteClass.REGISTER, "a").isEmpty());
    }

    @Test
    void manyNewKeysNeverResetAnExistingLimit() {
        TokenBucketRateLimiter limiter = limiter(Map.of());
        drain(limiter, RouteClass.REGISTER, "attacker");
        for (int i = 0; i < 1000; i++) {
            limiter.acquire(RouteClass.REGISTER, "fresh-" + i);
        }
        assertFalse(limiter.acquire(RouteClass.REGISTER, "attacker").isEmpty());
        assertTrue(limiter.tracked(RouteClass.REGISTER) <= 100);
    }

    @Test
    void aTableFullOfRefillingBucketsRefusesNewKeysUntilOneIsFull() {
        TokenBucketRateLimiter limiter = limiter(Map.of());
        for (int i = 0; i < 100; i++) {
            assertTrue(limiter.acquire(RouteClass.REGISTER, "k" + i).isEmpty());
        }
        assertEquals(1, limiter.acquire(RouteClass.REGISTER, "newcomer").getAsLong());
        assertEquals(100, limiter.tracked(RouteClass.REGISTER));
        now.addAndGet(SECOND); // every bucket is full again, so each may go
        assertTrue(limiter.acquire(RouteClass.REGISTER, "newcomer").isEmpty());
    }

    @Test
    void idleFullBucketsAreEvicted() {
        TokenBucketRateLimiter limiter = limiter(Map.of());
        for (int i = 0; i < 100; i++) {
            limiter.acquire(RouteClass.REGISTER, "k" + i);
        }
        drain(limiter, RouteClass.REGISTER, "k7"); // needs 2 s to be full
        now.addAndGet(SECOND);
        assertTrue(limiter.acquire(RouteClass.REGISTER, "newcomer").isEmpty());
        assertEquals(2, limiter.tracked(RouteClass.REGISTER), "only the refilling k7 and the newcomer remain");
        assertTrue(limiter.acquire(RouteClass.REGISTER, "k7").isEmpty(), "k7 kept its one refilled token");
        assertFalse(limiter.acquire(RouteClass.REGISTER, "k7").isEmpty(), "and no more");
    }

    @Test
    void aFloodOfActorKeysDoesNotResetAnAddressBucket() {
        TokenBucketRateLimiter limiter = limiter(Map.of());
        drain(limiter, RouteClass.REGISTER, "192.0.2.1");
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire(RouteClass.ACTOR, "192.0.2.1 a" + i + "@evil.example");
        }
        assertTrue(limiter.tracked(RouteClass.ACTOR) <= 100);
        assertFalse(limiter.acquire(RouteClass.REGISTER, "192.0.2.1").isEmpty());
        assertFalse(limiter.acquire(RouteClass.ACTOR, "192.0.2.1 a0@evil.example").isEmpty(),
                "nor the actor buckets already tracked");
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareABucket() {
        TokenBucketRateLimiter limiter = limiter(Map.of());
        ForwardedClientAddressResolver resolver = ForwardedClientAddressResolverTest.resolver(Map.of());
        drain(limiter, RouteClass.REGISTER, resolver.resolve("2001:db8:1:2::1", name -> List.of()));
        assertFalse(limiter.acquire(RouteClass.REGISTER,
                resolver.resolve("2001:db8:1:2:dead:beef:0:1", name -> List.of())).isEmpty());
        assertTrue(limiter.acquire(RouteClass.REGISTER,
                resolver.resolve("2001:db8:1:3::1", name -> List.of())).isEmpty());
    }

    @Test
    void concurrentCallersGetExactlyTheBurst() throws Exception {
        TokenBucketRateLimiter limiter = limiter(Map.of("polyproto.rate-limit.challenge.burst", "500",
                "polyproto.rate-limit.challenge.per-minute", "1"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    int granted = 0;
                    for (int i = 0; i < 1000; i++) {
                        // a shared key, plus a key per call to churn the table under the same lock
                        granted += limiter.acquire(RouteClass.CHALLENGE, "shared").isEmpty() ? 1 : 0;
                        limiter.acquire(RouteClass.CHALLENGE, "other-" + (i % 50));
                    }
                    return granted;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                total += f.get();
            }
            assertEquals(500, total);
        } finally {
            pool.shutdownNow();
        }
    }
}
