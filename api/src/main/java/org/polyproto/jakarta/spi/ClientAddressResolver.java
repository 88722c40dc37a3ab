package org.polyproto.jakarta.spi;

import java.util.List;
import java.util.function.Function;

/**
 * Derives the key the {@link RateLimiter} counts a request under: the client's address, already grouped the way
 * it should be limited. The default trusts {@code Forwarded} or {@code X-Forwarded-For} only from the proxies in
 * {@code polyproto.trusted-proxies}, and groups IPv6 addresses by their {@code polyproto.rate-limit.ipv6-prefix}
 * (a /64 by default), since one subscriber usually holds a whole /64.
 * <p>
 * <b>Threading.</b> Called concurrently on every rate-limited request, before the body is read: an implementation
 * must be thread-safe and fast, and must do no I/O (no DNS lookups, no remote calls).
 *
 * @since 0.2
 */
public interface ClientAddressResolver {

    /**
     * Resolves the client of one request.
     *
     * @param remoteAddress the address of the direct peer as the container reports it (an IPv4 or IPv6 literal,
     *                      or {@code "unknown"} when there is none); the container may already have replaced it
     *                      with a forwarded address if it is configured to
     * @param headers the request's header values by case-insensitive name, in the order received; an empty list
     *                for a header that is absent, never {@code null}
     * @return the rate-limit key of the client, never {@code null}; requests with equal keys share one allowance
     */
    String resolve(String remoteAddress, Function<String, List<String>> headers);
}
