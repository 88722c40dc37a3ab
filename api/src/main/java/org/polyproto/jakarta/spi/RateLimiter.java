package org.polyproto.jakarta.spi;

import java.util.OptionalLong;

/**
 * Decides, before any expensive work, whether a request may proceed. The default keeps a token bucket per route
 * class and client address (as the {@link ClientAddressResolver} groups it), sized by
 * {@code polyproto.rate-limit.<class>.burst} and refilled at {@code polyproto.rate-limit.<class>.per-minute}; a
 * refused request gets 429 {@code P2CORE_RATE_LIMITED} with {@code Retry-After}.
 *
 * @since 0.1
 */
public interface RateLimiter {

    /**
     * Takes one request's worth of the client's allowance.
     *
     * @param routeClass which limit applies
     * @param clientAddress the client's key from the {@link ClientAddressResolver}; for {@link RouteClass#ACTOR}
     *                      that key, a space and the actor's federation ID
     * @return empty if the request may proceed, else the whole seconds after which it may be retried
     */
    OptionalLong acquire(RouteClass routeClass, String clientAddress);
}
