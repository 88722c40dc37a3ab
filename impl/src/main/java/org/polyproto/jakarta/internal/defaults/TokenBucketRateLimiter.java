package org.polyproto.jakarta.internal.defaults;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.PolyprotoDefault;
import org.polyproto.jakarta.spi.RateLimiter;
import org.polyproto.jakarta.spi.RouteClass;

/** Token buckets per route class and client address, in memory (per server node). */
@ApplicationScoped
@PolyprotoDefault
public class TokenBucketRateLimiter implements RateLimiter {

    private static final int MAX_TRACKED = 100_000;
    private static final Map<RouteClass, int[]> DEFAULTS = Map.of(
            RouteClass.REGISTER, new int[] {20, 60},
            RouteClass.CHALLENGE, new int[] {120, 600},
            RouteClass.AUTHENTICATE, new int[] {60, 300},
            RouteClass.ACTOR, new int[] {10, 30});

    @Inject
    PolyprotoConfig config;

    private final Map<RouteClass, Limit> limits = new EnumMap<>(RouteClass.class);
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        for (RouteClass routeClass : RouteClass.values()) {
            String prefix = "polyproto.rate-limit." + routeClass.key();
            int[] fallback = DEFAULTS.get(routeClass);
            limits.put(routeClass, new Limit(config.integer(prefix + ".burst", fallback[0]),
                    config.integer(prefix + ".per-minute", fallback[1])));
        }
    }

    @Override
    public OptionalLong acquire(RouteClass routeClass, String clientAddress) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        Limit limit = limits.get(routeClass);
        Bucket bucket = buckets.computeIfAbsent(routeClass.key() + " " + clientAddress,
                k -> new Bucket(limit.burst, System.nanoTime()));
        return bucket.take(limit, System.nanoTime());
    }

    private record Limit(int burst, int perMinute) {
        double perNano() {
            return perMinute / 60e9;
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized OptionalLong take(Limit limit, long now) {
            tokens = Math.min(limit.burst, tokens + (now - updated) * limit.perNano());
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            return OptionalLong.of((long) Math.ceil((1 - tokens) / limit.perNano() / 1e9));
        }
    }
}
