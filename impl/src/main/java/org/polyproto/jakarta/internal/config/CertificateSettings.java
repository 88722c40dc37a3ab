package org.polyproto.jakarta.internal.config;

import java.time.Duration;
import java.util.List;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * Validity of the certificates this server issues, the clock skew allowed when any is checked, and how many of an
 * actor's certificates are listed.
 *
 * @param idCertLifetime {@value #IDCERT_LIFETIME}
 * @param idCertLeeway {@value #IDCERT_LEEWAY}
 * @param serverCertLifetime {@value #SERVER_CERT_LIFETIME}
 * @param keyActorMaxCerts {@value #KEY_ACTOR_MAX_CERTS}
 * @param serverKeyRefresh {@value #SERVER_KEY_REFRESH}
 */
public record CertificateSettings(Duration idCertLifetime, Duration idCertLeeway, Duration serverCertLifetime,
                                  int keyActorMaxCerts, Duration serverKeyRefresh) {

    /**
     * Validity of an actor's ID-Cert, never past the server certificate's end. A duration; default 30 days.
     *
     * @since 0.1
     */
    public static final String IDCERT_LIFETIME = "polyproto.idcert.lifetime";
    /**
     * Clock skew allowed at both ends of an ID-Cert's validity when it is checked. A duration; default 60 seconds.
     *
     * @since 0.1
     */
    public static final String IDCERT_LEEWAY = "polyproto.idcert.leeway";
    /**
     * Validity of the server's own ID-Cert. A duration; default 365 days.
     *
     * @since 0.1
     */
    public static final String SERVER_CERT_LIFETIME = "polyproto.server-cert.lifetime";
    /**
     * Most certificates {@code GET p2core/key/actor/{fid}} answers, and most digests kept per foreign actor.
     * 1 to 2147483647; default 1000.
     *
     * @since 0.1
     */
    public static final String KEY_ACTOR_MAX_CERTS = "polyproto.key-actor.max-certs";

    /**
     * How old a node's copy of the server key may get before it reads the custody again: after a rotation on any
     * node, every other node serves the new certificate at {@code key/server} within this time. (Issuing and
     * home-actor trust check the key in the database on every request, so they never use a retired key once the
     * rotation has committed.) A duration from 100 milliseconds to 1 hour; default 2 seconds.
     *
     * @since 0.3
     */
    public static final String SERVER_KEY_REFRESH = "polyproto.server-key.refresh";

    public static final List<String> KEYS = List.of(IDCERT_LIFETIME, IDCERT_LEEWAY, SERVER_CERT_LIFETIME,
            KEY_ACTOR_MAX_CERTS, SERVER_KEY_REFRESH);

    public static CertificateSettings read(ConfigurationSource source) {
        return new CertificateSettings(source.duration(IDCERT_LIFETIME, Duration.ofDays(30)),
                source.duration(IDCERT_LEEWAY, Duration.ofSeconds(60)),
                source.duration(SERVER_CERT_LIFETIME, Duration.ofDays(365)),
                source.integer(KEY_ACTOR_MAX_CERTS, 1000, 1, Integer.MAX_VALUE), serverKeyRefresh(source));
    }

    private static Duration serverKeyRefresh(ConfigurationSource source) {
        Duration refresh = source.duration(SERVER_KEY_REFRESH, Duration.ofSeconds(2));
        if (refresh.compareTo(Duration.ofMillis(100)) < 0 || refresh.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidConfigurationException(SERVER_KEY_REFRESH, "must be from 100 milliseconds to 1 hour,"
                    + " was " + refresh);
        }
        return refresh;
    }
}
