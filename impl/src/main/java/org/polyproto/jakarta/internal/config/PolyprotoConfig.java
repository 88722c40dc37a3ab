package org.polyproto.jakarta.internal.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * The module's settings, read once from the {@link ConfigurationSource} when the application starts. A missing
 * required key or an unreadable value fails the deployment with a message naming the key.
 */
@ApplicationScoped
public class PolyprotoConfig {

    public static final String DOMAIN = "polyproto.domain";
    public static final String CHALLENGE_TTL = "polyproto.challenge.ttl";
    public static final String TOKEN_TTL = "polyproto.token.ttl";
    public static final String IDCERT_LIFETIME = "polyproto.idcert.lifetime";
    public static final String SERVER_CERT_LIFETIME = "polyproto.server-cert.lifetime";
    public static final String IDCERT_LEEWAY = "polyproto.idcert.leeway";
    public static final String KEY_ACTOR_MAX_CERTS = "polyproto.key-actor.max-certs";
    public static final String ADMINS = "polyproto.admins";
    public static final String RESERVED_NAMES = "polyproto.reserved-names";
    public static final String MAX_BODY_SIZE = "polyproto.max-body-size";
    public static final String EVENTS_MAX_QUEUED = "polyproto.events.max-queued";
    public static final String KEYPACKAGES_LOW_THRESHOLD = "polyproto.keypackages.low-threshold";
    public static final String KEYPACKAGES_MAX_PER_REQUEST = "polyproto.keypackages.max-per-request";
    public static final String KEYPACKAGES_MAX_PER_CLIENT = "polyproto.keypackages.max-per-client";
    public static final String MAX_SESSIONS_PER_ACTOR = "polyproto.sessions.max-per-actor";

    @Inject
    ConfigurationSource source;

    private String domain;
    private Duration challengeTtl;
    private Duration tokenTtl;
    private Duration idCertLifetime;
    private Duration serverCertLifetime;
    private Duration idCertLeeway;
    private Set<FederationId> admins;
    private Set<String> reservedNames;
    private int maxBodySize;
    private int keyActorMaxCerts;
    private int eventsMaxQueued;
    private int keyPackagesLowThreshold;
    private int keyPackagesMaxPerRequest;
    private int keyPackagesMaxPerClient;
    private int maxSessionsPerActor;

    @PostConstruct
    void load() {
        domain = requireDomain(required(DOMAIN));
        challengeTtl = duration(CHALLENGE_TTL, Duration.ofMinutes(5));
        tokenTtl = duration(TOKEN_TTL, Duration.ofDays(7));
        idCertLifetime = duration(IDCERT_LIFETIME, Duration.ofDays(30));
        serverCertLifetime = duration(SERVER_CERT_LIFETIME, Duration.ofDays(365));
        idCertLeeway = duration(IDCERT_LEEWAY, Duration.ofSeconds(60));
        admins = list(ADMINS).stream().map(v -> fid(ADMINS, v)).collect(Collectors.toUnmodifiableSet());
        reservedNames = list(RESERVED_NAMES).stream().map(String::toLowerCase).collect(Collectors.toUnmodifiableSet());
        maxBodySize = integer(MAX_BODY_SIZE, 64 * 1024);
        keyActorMaxCerts = integer(KEY_ACTOR_MAX_CERTS, 1000);
        eventsMaxQueued = integer(EVENTS_MAX_QUEUED, 1000);
        keyPackagesLowThreshold = integer(KEYPACKAGES_LOW_THRESHOLD, 5);
        keyPackagesMaxPerRequest = integer(KEYPACKAGES_MAX_PER_REQUEST, 100);
        keyPackagesMaxPerClient = integer(KEYPACKAGES_MAX_PER_CLIENT, 1000);
        maxSessionsPerActor = integer(MAX_SESSIONS_PER_ACTOR, 100);
    }

    public String domain() {
        return domain;
    }

    public Duration challengeTtl() {
        return challengeTtl;
    }

    public Duration tokenTtl() {
        return tokenTtl;
    }

    public Duration idCertLifetime() {
        return idCertLifetime;
    }

    public int keyActorMaxCerts() {
        return keyActorMaxCerts;
    }

    /** How far another server's clock may be off: certificate validity is checked with this much slack. */
    public Duration idCertLeeway() {
        return idCertLeeway;
    }

    public Duration serverCertLifetime() {
        return serverCertLifetime;
    }

    public Set<FederationId> admins() {
        return admins;
    }

    public Set<String> reservedNames() {
        return reservedNames;
    }

    public int maxBodySize() {
        return maxBodySize;
    }

    public int eventsMaxQueued() {
        return eventsMaxQueued;
    }

    public int keyPackagesLowThreshold() {
        return keyPackagesLowThreshold;
    }

    public int keyPackagesMaxPerRequest() {
        return keyPackagesMaxPerRequest;
    }

    public int keyPackagesMaxPerClient() {
        return keyPackagesMaxPerClient;
    }

    /** Sessions one actor of this server may hold; trust for one more is refused (409). */
    public int maxSessionsPerActor() {
        return maxSessionsPerActor;
    }

    /** A raw value, for settings that belong to other components. */
    public Optional<String> raw(String key) {
        return source.get(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private String required(String key) {
        return raw(key).orElseThrow(() -> new InvalidConfigurationException(key + " is required: set it to the "
                + "domain this server is the home server of, e.g. -D" + key + "=example.com"));
    }

    /** Whole seconds ({@code 300}) or an ISO-8601 duration ({@code PT5M}); must be positive. */
    public Duration duration(String key, Duration fallback) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            String v = value.get();
            Duration d = v.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(v))
                    : Duration.parse(v);
            if (d.isNegative() || d.isZero()) {
                throw new InvalidConfigurationException(key + " must be positive, was " + v);
            }
            return d;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidConfigurationException(key + " must be seconds or an ISO-8601 duration, was "
                    + value.get());
        }
    }

    public int integer(String key, int fallback) {
        Optional<String> value = raw(key);
        try {
            int v = value.map(Integer::parseInt).orElse(fallback);
            if (v <= 0) {
                throw new InvalidConfigurationException(key + " must be positive, was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(key + " must be a whole number, was " + value.get());
        }
    }

    /** {@code true} or {@code false}, in any case. */
    public boolean bool(String key, boolean fallback) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfigurationException(key + " must be true or false, was " + value.get());
        };
    }

    private Set<String> list(String key) {
        return raw(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    private static String requireDomain(String value) {
        try {
            return FederationId.requireDomain(value);
        } catch (PolyprotoException e) {
            throw new InvalidConfigurationException(DOMAIN + " is not a valid domain: " + value);
        }
    }

    private static FederationId fid(String key, String value) {
        try {
            return FederationId.parse(value);
        } catch (PolyprotoException e) {
            throw new InvalidConfigurationException(key + " lists '" + value + "', which is not a Federation ID");
        }
    }
}
