package org.polyproto.jakarta.internal.config;

import java.time.Duration;
import java.util.List;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * Validity of the certificates this server issues, the clock skew allowed when any is checked, and how many of an
 * actor's certificates are listed.
 *
 * @param idCertLifetime {@value #IDCERT_LIFETIME}
 * @param idCertLeeway {@value #IDCERT_LEEWAY}
 * @param serverCertLifetime {@value #SERVER_CERT_LIFETIME}
 * @param keyActorMaxCerts {@value #KEY_ACTOR_MAX_CERTS}
 */
public record CertificateSettings(Duration idCertLifetime, Duration idCertLeeway, Duration serverCertLifetime,
                                  int keyActorMaxCerts) {

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

    public static final List<String> KEYS = List.of(IDCERT_LIFETIME, IDCERT_LEEWAY, SERVER_CERT_LIFETIME,
            KEY_ACTOR_MAX_CERTS);

    public static CertificateSettings read(ConfigurationSource source) {
        return new CertificateSettings(source.duration(IDCERT_LIFETIME, Duration.ofDays(30)),
                source.duration(IDCERT_LEEWAY, Duration.ofSeconds(60)),
                source.duration(SERVER_CERT_LIFETIME, Duration.ofDays(365)),
                source.integer(KEY_ACTOR_MAX_CERTS, 1000, 1, Integer.MAX_VALUE));
    }
}
