package org.polyproto.jakarta.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.internal.config.RequestSettings.ForwardingHeader;
import org.polyproto.jakarta.spi.RouteClass;

/** Every key of the module: the defaults hold, good values are read, and every bad value fails naming the key. */
class PolyprotoConfigTest {

    private static final List<String> DURATION = List.of("0", "-5", "PT0S", "-PT5M", "5 minutes", "1.5", "P36526D",
            "99999999999999999999");
    private static final List<String> COUNT = List.of("0", "-1", "1.5", "ten", "2147483648");
    private static final List<String> BOOLEAN = List.of("yes", "1", "on", "truee");

    /** Bad values of every key; keys of a family as their template. */
    private static final Map<String, List<String>> BAD = Map.ofEntries(
            Map.entry(ServerSettings.DOMAIN, List.of(" ", "exa mple.com", "under_score.example", "a..b", "x@y.z")),
            Map.entry(ServerSettings.ADMINS, List.of("admin", "boss@example.com, a@b@c", "boss@exa mple.com")),
            Map.entry(ServerSettings.RESERVED_NAMES, List.of("root, bad name", "x".repeat(65), "r\u00f6\u00f6t")),
            Map.entry(ServerSettings.BOOTSTRAP_PASSWORD, List.of("tiny", "seven77")),
            Map.entry(ServerSettings.BOOTSTRAP_PASSWORD_FILE, List.of("/nonexistent/polyproto/bootstrap-password")),
            Map.entry(SessionSettings.CHALLENGE_TTL, DURATION),
            Map.entry(SessionSettings.TOKEN_TTL, DURATION),
            Map.entry(SessionSettings.MAX_PER_ACTOR, COUNT),
            Map.entry(SessionSettings.EVENTS_MAX_QUEUED, COUNT),
            Map.entry(SessionSettings.HOUSEKEEPING_INTERVAL, DURATION),
            Map.entry(CertificateSettings.IDCERT_LIFETIME, DURATION),
            Map.entry(CertificateSettings.IDCERT_LEEWAY, DURATION),
            Map.entry(CertificateSettings.SERVER_CERT_LIFETIME, DURATION),
            Map.entry(CertificateSettings.KEY_ACTOR_MAX_CERTS, COUNT),
            Map.entry(CertificateSettings.SERVER_KEY_REFRESH, concat(DURATION, "PT0.05S", "PT2H")),
            Map.entry(ProtocolSettings.API_URL, List.of("example.com/.p2/core/", "ftp://example.com/.p2/core/",
                    "https:///.p2/core/", "https://exa mple.com/")),
            Map.entry(ProtocolSettings.CACHE_VALIDITY, DURATION),
            Map.entry(ProtocolSettings.LOGIN_GRANT_VALIDITY, DURATION),
            Map.entry(ProtocolSettings.KEY_MATERIAL_UPLOAD_SIZE, concat(COUNT, "65537")),
            Map.entry(ProtocolSettings.KEY_MATERIAL_PER_ACTOR, COUNT),
            Map.entry(ProtocolSettings.SERVICES_PER_ACTOR, concat(COUNT, "10001")),
            Map.entry(KeyPackageSettings.LOW_THRESHOLD, COUNT),
            Map.entry(KeyPackageSettings.MAX_PER_REQUEST, COUNT),
            Map.entry(KeyPackageSettings.MAX_PER_CLIENT, COUNT),
            Map.entry(KeyPackageSettings.MAX_LIFETIME, DURATION),
            Map.entry(RequestSettings.MAX_BODY_SIZE, COUNT),
            Map.entry(RequestSettings.TRUSTED_PROXIES, List.of("10.0.0.1, proxy.internal", "10.0.0.0/33",
                    "2001:db8::/129", "10.0.0.1/")),
            Map.entry(RequestSettings.TRUSTED_PROXIES_HEADER, List.of("X-Real-IP", "X-Forwarded-For, Forwarded")),
            Map.entry(RequestSettings.IPV6_PREFIX, List.of("0", "129", "sixty-four")),
            Map.entry(RateLimitSettings.BURST, COUNT),
            Map.entry(RateLimitSettings.PER_MINUTE, COUNT),
            Map.entry(RateLimitSettings.MAX_TRACKED, COUNT),
            Map.entry(PasswordSettings.MAX_CONCURRENT, COUNT),
            Map.entry(PasswordSettings.MAX_WAIT, DURATION),
            Map.entry(BruteForceSettings.MAX_FAILURES, COUNT),
            Map.entry(BruteForceSettings.WAIT, DURATION),
            Map.entry(BruteForceSettings.MAX_WAIT, concat(DURATION, "PT1S")),
            Map.entry(BruteForceSettings.RESET_AFTER, DURATION),
            Map.entry(FederationSettings.RESOLVE, List.of("not a url", "ftp://other.example/", "http:///api/",
                    "other.example", "https://bad host/")),
            Map.entry(FederationSettings.CACHE_TTL, DURATION),
            Map.entry(FederationSettings.CACHE_MAX_ENTRIES, COUNT),
            Map.entry(FederationSettings.CACHE_MAX_BYTES, COUNT),
            Map.entry(FederationSettings.FAILURE_TTL, DURATION),
            Map.entry(FederationSettings.REFETCH_INTERVAL, DURATION),
            Map.entry(FederationSettings.MAX_CONCURRENT, COUNT),
            Map.entry(FederationSettings.MAX_CONCURRENT_PER_DOMAIN, COUNT),
            Map.entry(FederationSettings.CONNECT_TIMEOUT, DURATION),
            Map.entry(FederationSettings.READ_TIMEOUT, DURATION),
            Map.entry(FederationSettings.MAX_RESPONSE_SIZE, COUNT),
            Map.entry(FederationSettings.ALLOW_PRIVATE, BOOLEAN));

    @TempDir
    Path dir;

    private static List<String> concat(List<String> values, String... more) {
        return Stream.concat(values.stream(), Stream.of(more)).toList();
    }

    @Test
    void everyDeclaredKeyHasBadValuesBelow() {
        assertEquals(Set.copyOf(PolyprotoConfig.KEYS), BAD.keySet());
        assertEquals(PolyprotoConfig.KEYS.size(), Set.copyOf(PolyprotoConfig.KEYS).size(), "each key declared once");
    }

    static Stream<Arguments> badValues() {
        return BAD.entrySet().stream().flatMap(e -> concrete(e.getKey()).stream()
                .flatMap(key -> e.getValue().stream().map(value -> Arguments.of(key, value))));
    }

    /** A template's keys: {@code <class>} for every route class, {@code <domain>} for one domain. */
    static List<String> concrete(String key) {
        if (key.contains("<class>")) {
            return Stream.of(RouteClass.values()).map(c -> RateLimitSettings.key(key, c)).toList();
        }
        return List.of(key.replace("<domain>", "other.example"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void aBadValueFailsTheStartNamingTheKey(String key, String value) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TestConfig.of(Map.of(key, value)));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().startsWith("polyproto: " + key + " "), e.getMessage());
    }

    @Test
    void aMappingKeyMustEndInADomain() {
        String key = FederationSettings.resolveKey("under_score.example");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TestConfig.of(Map.of(key, "https://other.example/")));
        assertEquals(key, e.key());
    }

    @Test
    void theBootstrapPasswordIsNeverEchoedAndComesFromOneSettingOnly() throws Exception {
        InvalidConfigurationException tooShort = assertThrows(InvalidConfigurationException.class,
                () -> TestConfig.of(Map.of(ServerSettings.BOOTSTRAP_PASSWORD, "s3cr3t")));
        assertFalse(tooShort.getMessage().contains("s3cr3t"), tooShort.getMessage());

        Path file = Files.writeString(dir.resolve("password"), "  a password from a file \n");
        assertEquals("a password from a file", TestConfig.of(Map.of(ServerSettings.BOOTSTRAP_PASSWORD_FILE,
                file.toString())).server().bootstrapPassword().orElseThrow());
        InvalidConfigurationException both = assertThrows(InvalidConfigurationException.class,
                () -> TestConfig.of(Map.of(ServerSettings.BOOTSTRAP_PASSWORD, "long enough password",
                        ServerSettings.BOOTSTRAP_PASSWORD_FILE, file.toString())));
        assertTrue(both.getMessage().contains(ServerSettings.BOOTSTRAP_PASSWORD)
                && both.getMessage().contains(ServerSettings.BOOTSTRAP_PASSWORD_FILE), both.getMessage());
        assertFalse(TestConfig.of(Map.of(ServerSettings.BOOTSTRAP_PASSWORD, "long enough password")).server()
                .toString().contains("long enough password"));
    }

    @Test
    void theDefaultsAreAValidConfiguration() {
        PolyprotoConfig config = TestConfig.of(Map.of());
        assertEquals("example.com", config.server().domain());
        assertTrue(config.server().admins().isEmpty() && config.server().bootstrapPassword().isEmpty());
        assertEquals(new SessionSettings(Duration.ofMinutes(5), Duration.ofDays(7), 100, 1000, Duration.ofMinutes(1)),
                config.sessions());
        assertEquals(new CertificateSettings(Duration.ofDays(30), Duration.ofSeconds(60), Duration.ofDays(365), 1000,
                Duration.ofSeconds(2)),
                config.certificates());
        assertEquals(new KeyPackageSettings(5, 100, 1000, java.time.Duration.ofDays(100)), config.keyPackages());
        assertEquals(new RequestSettings(65536, List.of(), ForwardingHeader.X_FORWARDED_FOR, 64), config.requests());
        assertEquals(new RateLimitSettings.Rate(20, 60), config.rateLimits().rate(RouteClass.REGISTER));
        assertEquals(new RateLimitSettings.Rate(10, 30), config.rateLimits().rate(RouteClass.ACTOR));
        assertEquals(100_000, config.rateLimits().maxTracked());
        assertEquals(new PasswordSettings(Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2)),
                config.passwords());
        assertEquals(new FederationSettings(Map.of(), Duration.ofHours(1), 10_000, 16 * 1024 * 1024,
                Duration.ofMinutes(1), Duration.ofSeconds(10), 32, 4, Duration.ofSeconds(5), Duration.ofSeconds(10),
                65536, false), config.federation());
        assertEquals(new ProtocolSettings("https://example.com/.p2/core/", Duration.ofMinutes(5), Duration.ofMinutes(5),
                16384, 262144, 32), config.protocol());
    }

    @Test
    void goodValuesAreRead() {
        Map<String, String> values = new HashMap<>();
        values.put(ServerSettings.DOMAIN, " Example.COM ");
        values.put(ServerSettings.ADMINS, "Boss@example.com, ops@other.example,");
        values.put(ServerSettings.RESERVED_NAMES, "Root, postmaster");
        values.put(SessionSettings.TOKEN_TTL, "PT1H");
        values.put(SessionSettings.CHALLENGE_TTL, " 90 ");
        values.put(RequestSettings.TRUSTED_PROXIES, "10.0.0.0/8, 2001:db8::1");
        values.put(RequestSettings.TRUSTED_PROXIES_HEADER, "forwarded");
        values.put(RequestSettings.IPV6_PREFIX, "128");
        values.put(RateLimitSettings.key(RateLimitSettings.BURST, RouteClass.REGISTER), "5");
        values.put(FederationSettings.ALLOW_PRIVATE, " TRUE ");
        values.put(FederationSettings.CACHE_MAX_BYTES, "2147483647");
        values.put(FederationSettings.resolveKey("other.example"), "http://127.0.0.1:9080/other/api");
        values.put(ProtocolSettings.API_URL, "http://localhost:9080/app/api/.p2/core/");
        values.put(ProtocolSettings.LOGIN_GRANT_VALIDITY, "PT1M");
        values.put(RequestSettings.MAX_BODY_SIZE, "4096");
        values.put(ProtocolSettings.KEY_MATERIAL_PER_ACTOR, "1000");
        PolyprotoConfig config = TestConfig.of(values);
        assertEquals("http://localhost:9080/app/api/.p2/core/", config.protocol().apiUrl());
        assertEquals(Duration.ofMinutes(1), config.protocol().loginGrantValidity());
        assertEquals(4096, config.protocol().keyMaterialUploadSize(), "never more than a request body may carry");
        assertEquals(1000, config.protocol().keyMaterialPerActor());

        assertEquals("example.com", config.server().domain());
        assertEquals(Set.of(FederationId.parse("boss@example.com"), FederationId.parse("ops@other.example")),
                config.server().admins());
        assertEquals(Set.of("root", "postmaster"), config.server().reservedNames());
        assertEquals(Duration.ofHours(1), config.sessions().tokenTtl());
        assertEquals(Duration.ofSeconds(90), config.sessions().challengeTtl());
        assertEquals(2, config.requests().trustedProxies().size());
        assertEquals(ForwardingHeader.FORWARDED, config.requests().forwardingHeader());
        assertEquals(128, config.requests().ipv6Prefix());
        assertEquals(new RateLimitSettings.Rate(5, 60), config.rateLimits().rate(RouteClass.REGISTER));
        assertTrue(config.federation().allowPrivate());
        assertEquals(Integer.MAX_VALUE, config.federation().cacheMaxBytes());
        assertEquals(Map.of("other.example", URI.create("http://127.0.0.1:9080/other/api/")),
                config.federation().homeServers());
    }
}
