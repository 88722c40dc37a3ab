package org.polyproto.jakarta.internal.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.polyproto.jakarta.spi.ConfigurationSource;
import org.polyproto.jakarta.spi.RouteClass;

/**
 * The default rate limiter's allowance per route class and client key, and how many keys it tracks.
 *
 * @param rates {@value #BURST} and {@value #PER_MINUTE} for every route class
 * @param maxTracked {@value #MAX_TRACKED}
 */
public record RateLimitSettings(Map<RouteClass, Rate> rates, int maxTracked) {

    /**
     * Requests a client key may make at once in route class {@code <class>} ({@link RouteClass#key()}, e.g.
     * {@code register}). 1 to 2147483647; defaults: register 20, challenge 120, authenticate 60, actor 10,
     * federation 20.
     *
     * @since 0.1
     */
    public static final String BURST = "polyproto.rate-limit.<class>.burst";
    /**
     * How many requests a minute refill the allowance of route class {@code <class>}. 1 to 2147483647; defaults:
     * register 60, challenge 600, authenticate 300, actor 30, federation 60.
     *
     * @since 0.1
     */
    public static final String PER_MINUTE = "polyproto.rate-limit.<class>.per-minute";
    /**
     * Client keys tracked per route class. 1 to 2147483647; default 100000.
     *
     * @since 0.2
     */
    public static final String MAX_TRACKED = "polyproto.rate-limit.max-tracked";

    public static final List<String> KEYS = List.of(BURST, PER_MINUTE, MAX_TRACKED);

    private static final Map<RouteClass, Rate> DEFAULTS = Map.of(
            RouteClass.REGISTER, new Rate(20, 60),
            RouteClass.CHALLENGE, new Rate(120, 600),
            RouteClass.AUTHENTICATE, new Rate(60, 300),
            RouteClass.ACTOR, new Rate(10, 30),
            RouteClass.FEDERATION, new Rate(20, 60));

    /** A token bucket's size and refill. */
    public record Rate(int burst, int perMinute) {
    }

    public RateLimitSettings {
        rates = Map.copyOf(rates);
    }

    /** {@code template} with {@code <class>} replaced, e.g. {@code polyproto.rate-limit.register.burst}. */
    public static String key(String template, RouteClass routeClass) {
        return template.replace("<class>", routeClass.key());
    }

    public Rate rate(RouteClass routeClass) {
        return rates.get(routeClass);
    }

    public static RateLimitSettings read(ConfigurationSource source) {
        Map<RouteClass, Rate> rates = new EnumMap<>(RouteClass.class);
        for (RouteClass routeClass : RouteClass.values()) {
            Rate fallback = DEFAULTS.get(routeClass);
            rates.put(routeClass, new Rate(source.integer(key(BURST, routeClass), fallback.burst(), 1,
                    Integer.MAX_VALUE), source.integer(key(PER_MINUTE, routeClass), fallback.perMinute(), 1,
                    Integer.MAX_VALUE)));
        }
        return new RateLimitSettings(rates, source.integer(MAX_TRACKED, 100_000, 1, Integer.MAX_VALUE));
    }
}
