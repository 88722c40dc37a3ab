package org.polyproto.jakarta.internal.federation;

import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.service.PolyprotoClock;
import org.polyproto.jakarta.spi.RateLimiter;

/** Builds {@link HomeServers} outside CDI for tests in other packages (its fields are package-private). */
public final class TestHomeServers {

    private TestHomeServers() {
    }

    public static HomeServers create(PolyprotoConfig config, FederationClient client, PolyprotoClock clock,
                                     RateLimiter limiter) {
        HomeServers homeServers = new HomeServers();
        homeServers.config = config;
        homeServers.client = client;
        homeServers.clock = clock;
        homeServers.limiter = limiter;
        homeServers.init();
        return homeServers;
    }
}
