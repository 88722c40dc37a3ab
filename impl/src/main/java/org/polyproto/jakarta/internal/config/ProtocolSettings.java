package org.polyproto.jakarta.internal.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * What the {@code /.p2/core/v1} profile tells other parties about this server.
 *
 * @param apiUrl       {@value #API_URL}
 * @param cacheValidity {@value #CACHE_VALIDITY}
 */
public record ProtocolSettings(String apiUrl, Duration cacheValidity) {

    /**
     * The absolute URL that {@code .well-known/polyproto-core} gives as {@code api}: where this server's
     * {@code .p2/core/} is reached from outside. Default {@code https://<polyproto.server.domain>/.p2/core/}.
     *
     * @since 0.4
     */
    public static final String API_URL = "polyproto.discovery.api-url";
    /**
     * How long another server may keep an ID-Cert it fetched from this one ({@code cacheNotValidAfter} minus
     * {@code cacheNotValidBefore}, never past the certificate's own end): an early revocation reaches every cache
     * within it. Default 300 seconds.
     *
     * @since 0.4
     */
    public static final String CACHE_VALIDITY = "polyproto.idcert.cache-validity";

    public static final List<String> KEYS = List.of(API_URL, CACHE_VALIDITY);

    public static ProtocolSettings read(ConfigurationSource source, String domain) {
        String apiUrl = source.text(API_URL).orElse("https://" + domain + "/.p2/core/");
        URI uri;
        try {
            uri = URI.create(apiUrl);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(API_URL, "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new InvalidConfigurationException(API_URL, "must be an absolute http or https URL");
        }
        Duration validity = source.duration(CACHE_VALIDITY, Duration.ofMinutes(5));
        if (validity.isZero() || validity.isNegative()) {
            throw new InvalidConfigurationException(CACHE_VALIDITY, "must be at least one second");
        }
        return new ProtocolSettings(apiUrl, validity);
    }
}
