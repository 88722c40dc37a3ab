package org.polyproto.jakarta.internal.defaults;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.config.RateLimitSettings;
import org.polyproto.jakarta.spi.RateLimiter;
import org.polyproto.jakarta.spi.RouteClass;

/**
 * Token buckets per route class and client key, in memory (per server node). Each route class has its own
 * {@link BucketTable} of at most {@code polyproto.rate-limit.max-tracked} keys, so keys that a client picks
 * freely (the federation IDs in {@link RouteClass#ACTOR} keys) never displace the per-address buckets.
 */
@ApplicationScoped
public class TokenBucketRateLimiter implements RateLimiter {

    @Inject
    PolyprotoConfig config;

    /** Monotonic nanoseconds; replaced in tests. */
    LongSupplier clock = System::nanoTime;

    private final Map<RouteClass, BucketTable> tables = new EnumMap<>(RouteClass.class);

    @PostConstruct
    void init() {
        RateLimitSettings settings = config.rateLimits();
        for (RouteClass routeClass : RouteClass.values()) {
            RateLimitSettings.Rate rate = settings.rate(routeClass);
            tables.put(routeClass, new BucketTable(rate.burst(), rate.perMinute(), settings.maxTracked()));
        }
    }

    @Override
    public OptionalLong acquire(RouteClass routeClass, String clientAddress) {
        return tables.get(routeClass).take(clientAddress, clock.getAsLong());
    }

    /** How many keys a route class tracks now. */
    int tracked(RouteClass routeClass) {
        return tables.get(routeClass).size();
    }
}
