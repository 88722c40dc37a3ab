package org.polyproto.jakarta.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * Where other home servers are, how they are asked, and how long their answers are kept.
 *
 * @param homeServers {@value #RESOLVE}: base URL by domain, each ending in {@code /}
 * @param cacheTtl {@value #CACHE_TTL}
 * @param cacheMaxEntries {@value #CACHE_MAX_ENTRIES}
 * @param cacheMaxBytes {@value #CACHE_MAX_BYTES}
 * @param failureTtl {@value #FAILURE_TTL}
 * @param refetchInterval {@value #REFETCH_INTERVAL}
 * @param maxConcurrent {@value #MAX_CONCURRENT}
 * @param maxConcurrentPerDomain {@value #MAX_CONCURRENT_PER_DOMAIN}
 * @param connectTimeout {@value #CONNECT_TIMEOUT}
 * @param readTimeout {@value #READ_TIMEOUT}
 * @param maxResponseSize {@value #MAX_RESPONSE_SIZE}
 * @param allowPrivate {@value #ALLOW_PRIVATE}
 */
public record FederationSettings(Map<String, URI> homeServers, Duration cacheTtl, int cacheMaxEntries,
                                 int cacheMaxBytes, Duration failureTtl, Duration refetchInterval, int maxConcurrent,
                                 int maxConcurrentPerDomain, Duration connectTimeout, Duration readTimeout,
                                 int maxResponseSize, boolean allowPrivate) {

    /**
     * Base URL of the home server of {@code <domain>}, e.g. {@code http://localhost:9080/other/api/}: an
     * {@code http} or {@code https} URL with a host, the only way to use plain {@code http}. {@code <domain>} is a
     * domain of the Federation ID rules. Default: {@code https://<domain>/}. Read from
     * {@link ConfigurationSource#keys()}.
     *
     * @since 0.1
     */
    public static final String RESOLVE = "polyproto.federation.resolve.<domain>";
    /**
     * How long another home server's certificate and its actors' certificate lists are cached. A duration;
     * default 3600 seconds.
     *
     * @since 0.1
     */
    public static final String CACHE_TTL = "polyproto.federation.cache-ttl";
    /**
     * Entries in each of the three federation caches. 1 to 2147483647; default 10000.
     *
     * @since 0.2
     */
    public static final String CACHE_MAX_ENTRIES = "polyproto.federation.cache-max-entries";
    /**
     * Estimated bytes of each federation cache. 1 to 2147483647; default 16777216.
     *
     * @since 0.2
     */
    public static final String CACHE_MAX_BYTES = "polyproto.federation.cache-max-bytes";
    /**
     * How long a failed fetch is answered from memory. A duration; default 60 seconds.
     *
     * @since 0.2
     */
    public static final String FAILURE_TTL = "polyproto.federation.failure-ttl";
    /**
     * A miss refetches a cached key only if it was fetched longer ago than this. A duration; default 10 seconds.
     *
     * @since 0.2
     */
    public static final String REFETCH_INTERVAL = "polyproto.federation.refetch-interval";
    /**
     * Fetches from other home servers under way at once. 1 to 2147483647; default 32.
     *
     * @since 0.2
     */
    public static final String MAX_CONCURRENT = "polyproto.federation.max-concurrent";
    /**
     * Fetches from one domain under way at once. 1 to 2147483647; default 4.
     *
     * @since 0.2
     */
    public static final String MAX_CONCURRENT_PER_DOMAIN = "polyproto.federation.max-concurrent-per-domain";
    /**
     * Connect timeout towards other home servers. A duration; default 5 seconds.
     *
     * @since 0.1
     */
    public static final String CONNECT_TIMEOUT = "polyproto.federation.connect-timeout";
    /**
     * Deadline for a whole answer of another home server, name lookup included. A duration; default 10 seconds.
     *
     * @since 0.1
     */
    public static final String READ_TIMEOUT = "polyproto.federation.read-timeout";
    /**
     * Larger answers, in bytes, are refused. 1 to 2147483647; default 65536.
     *
     * @since 0.1
     */
    public static final String MAX_RESPONSE_SIZE = "polyproto.federation.max-response-size";
    /**
     * {@code true} lets this server connect to loopback, private, link-local and other non-public addresses of
     * other home servers. {@code true} or {@code false}; default {@code false}.
     *
     * @since 0.2
     */
    public static final String ALLOW_PRIVATE = "polyproto.federation.allow-private";

    public static final List<String> KEYS = List.of(RESOLVE, CACHE_TTL, CACHE_MAX_ENTRIES, CACHE_MAX_BYTES,
            FAILURE_TTL, REFETCH_INTERVAL, MAX_CONCURRENT, MAX_CONCURRENT_PER_DOMAIN, CONNECT_TIMEOUT, READ_TIMEOUT,
            MAX_RESPONSE_SIZE, ALLOW_PRIVATE);

    private static final String RESOLVE_PREFIX = RESOLVE.substring(0, RESOLVE.indexOf('<'));

    public FederationSettings {
        homeServers = Map.copyOf(homeServers);
    }

    /** The key that maps {@code domain}, e.g. {@code polyproto.federation.resolve.other.example}. */
    public static String resolveKey(String domain) {
        return RESOLVE_PREFIX + domain;
    }

    public static FederationSettings read(ConfigurationSource source) {
        return new FederationSettings(homeServers(source),
                source.duration(CACHE_TTL, Duration.ofHours(1)),
                source.integer(CACHE_MAX_ENTRIES, 10_000, 1, Integer.MAX_VALUE),
                source.integer(CACHE_MAX_BYTES, 16 * 1024 * 1024, 1, Integer.MAX_VALUE),
                source.duration(FAILURE_TTL, Duration.ofMinutes(1)),
                source.duration(REFETCH_INTERVAL, Duration.ofSeconds(10)),
                source.integer(MAX_CONCURRENT, 32, 1, Integer.MAX_VALUE),
                source.integer(MAX_CONCURRENT_PER_DOMAIN, 4, 1, Integer.MAX_VALUE),
                source.duration(CONNECT_TIMEOUT, Duration.ofSeconds(5)),
                source.duration(READ_TIMEOUT, Duration.ofSeconds(10)),
                source.integer(MAX_RESPONSE_SIZE, 64 * 1024, 1, Integer.MAX_VALUE),
                source.bool(ALLOW_PRIVATE, false));
    }

    private static Map<String, URI> homeServers(ConfigurationSource source) {
        Map<String, URI> mapped = new TreeMap<>();
        for (String key : source.keys()) {
            if (key.startsWith(RESOLVE_PREFIX)) {
                source.text(key).ifPresent(url -> mapped.put(mappedDomain(key), baseUrl(key, url)));
            }
        }
        return mapped;
    }

    private static String mappedDomain(String key) {
        try {
            return FederationId.requireDomain(key.substring(RESOLVE_PREFIX.length()));
        } catch (PolyprotoException e) {
            throw new InvalidConfigurationException(key, "does not end in a domain: " + e.getMessage());
        }
    }

    private static URI baseUrl(String key, String url) {
        try {
            URI uri = new URI(url.endsWith("/") ? url : url + "/");
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidConfigurationException(key, "must be an http or https URL with a host, such as"
                + " https://other.example/, was '" + url + "'");
    }
}
