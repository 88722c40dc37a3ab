package org.polyproto.jakarta.internal.federation;

import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.service.ModuleMetrics;
import org.polyproto.jakarta.internal.service.PolyprotoClock;
import org.polyproto.jakarta.spi.RateLimiter;

/** Builds {@link HomeServers} outside CDI for tests in other packages (its fields are package-private). */
public final class TestHomeServers {

    private TestHomeServers() {
    }

    public static HomeServers create(PolyprotoConfig config, FederationClient client, PolyprotoClock clock,
                                     RateLimiter limiter) {
        return create(config, client, clock, limiter, ModuleMetrics.of());
    }

    public static HomeServers create(PolyprotoConfig config, FederationClient client, PolyprotoClock clock,
                                     RateLimiter limiter, ModuleMetrics metrics) {
        HomeServers homeServers = new HomeServers();
        homeServers.metrics = metrics;
        homeServers.config = config;
        homeServers.client = client;
        homeServers.clock = clock;
        homeServers.limiter = limiter;
        homeServers.init();
        return homeServers;
    }
}
