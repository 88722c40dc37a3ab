package org.polyproto.jakarta.internal.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * Settings of the {@code /.p2} profiles: what they tell other parties about this server, and their bounds.
 *
 * @param apiUrl                {@value #API_URL}
 * @param cacheValidity         {@value #CACHE_VALIDITY}
 * @param loginGrantValidity    {@value #LOGIN_GRANT_VALIDITY}
 * @param keyMaterialUploadSize {@value #KEY_MATERIAL_UPLOAD_SIZE}
 * @param keyMaterialPerActor   {@value #KEY_MATERIAL_PER_ACTOR}
 * @param servicesPerActor      {@value #SERVICES_PER_ACTOR}
 */
public record ProtocolSettings(String apiUrl, Duration cacheValidity, Duration loginGrantValidity,
                               int keyMaterialUploadSize, int keyMaterialPerActor, int servicesPerActor) {

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

    /**
     * How long the token of polyproto-auth's register and login may be exchanged for a new ID-Cert. Default 300
     * seconds.
     *
     * @since 0.4
     */
    public static final String LOGIN_GRANT_VALIDITY = "polyproto.auth.grant-validity";
    /**
     * Most bytes of one upload of encrypted private key material ({@code POST .p2/core/v1/session/keymaterial}), as
     * {@code keymaterial/size} tells clients. Default 16384; at most {@code polyproto.max-body-size}.
     *
     * @since 0.4
     */
    public static final String KEY_MATERIAL_UPLOAD_SIZE = "polyproto.keymaterial.max-upload-size";
    /** Most bytes of encrypted private key material one actor keeps here. Default 262144. @since 0.4 */
    public static final String KEY_MATERIAL_PER_ACTOR = "polyproto.keymaterial.max-bytes-per-actor";
    /** Most discoverable services one actor lists. Default 32. @since 0.4 */
    public static final String SERVICES_PER_ACTOR = "polyproto.services.max-per-actor";

    public static final List<String> KEYS = List.of(API_URL, CACHE_VALIDITY, LOGIN_GRANT_VALIDITY,
            KEY_MATERIAL_UPLOAD_SIZE, KEY_MATERIAL_PER_ACTOR, SERVICES_PER_ACTOR);

    public static ProtocolSettings read(ConfigurationSource source, String domain, int maxBodySize) {
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
        Duration grant = source.duration(LOGIN_GRANT_VALIDITY, Duration.ofMinutes(5));
        if (grant.isZero() || grant.isNegative()) {
            throw new InvalidConfigurationException(LOGIN_GRANT_VALIDITY, "must be at least one second");
        }
        return new ProtocolSettings(apiUrl, validity, grant,
                source.integer(KEY_MATERIAL_UPLOAD_SIZE, Math.min(16384, maxBodySize), 1, maxBodySize),
                source.integer(KEY_MATERIAL_PER_ACTOR, 262144, 1, Integer.MAX_VALUE),
                source.integer(SERVICES_PER_ACTOR, 32, 1, 10_000));
    }
}
