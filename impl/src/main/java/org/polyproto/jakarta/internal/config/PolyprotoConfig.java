package org.polyproto.jakarta.internal.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * The module's settings, read once from the {@link ConfigurationSource} and validated when the application starts
 * (the first use, in {@code PolyprotoStartup}), as immutable groups. A missing required key or an unusable value
 * fails the deployment with an {@link InvalidConfigurationException} naming the key.
 */
@ApplicationScoped
public class PolyprotoConfig {

    /** Every key the module reads, families as templates such as {@code polyproto.rate-limit.<class>.burst}. */
    public static final List<String> KEYS = Stream.of(ServerSettings.KEYS, SessionSettings.KEYS,
            CertificateSettings.KEYS, KeyPackageSettings.KEYS, RequestSettings.KEYS, RateLimitSettings.KEYS,
            PasswordSettings.KEYS, BruteForceSettings.KEYS, FederationSettings.KEYS,
            ProtocolSettings.KEYS).flatMap(List::stream).toList();

    @Inject
    ConfigurationSource source;

    private ServerSettings server;
    private SessionSettings sessions;
    private CertificateSettings certificates;
    private KeyPackageSettings keyPackages;
    private RequestSettings requests;
    private RateLimitSettings rateLimits;
    private PasswordSettings passwords;
    private BruteForceSettings bruteForce;
    private FederationSettings federation;
    private ProtocolSettings protocol;

    /** Settings read from {@code source} at once, outside CDI. */
    public static PolyprotoConfig read(ConfigurationSource source) {
        PolyprotoConfig config = new PolyprotoConfig();
        config.source = source;
        config.load();
        return config;
    }

    @PostConstruct
    void load() {
        server = ServerSettings.read(source);
        sessions = SessionSettings.read(source);
        certificates = CertificateSettings.read(source);
        keyPackages = KeyPackageSettings.read(source);
        requests = RequestSettings.read(source);
        rateLimits = RateLimitSettings.read(source);
        passwords = PasswordSettings.read(source);
        bruteForce = BruteForceSettings.read(source);
        federation = FederationSettings.read(source);
        protocol = ProtocolSettings.read(source, server.domain(), requests.maxBodySize());
    }

    public ServerSettings server() {
        return server;
    }

    public SessionSettings sessions() {
        return sessions;
    }

    public CertificateSettings certificates() {
        return certificates;
    }

    public KeyPackageSettings keyPackages() {
        return keyPackages;
    }

    public RequestSettings requests() {
        return requests;
    }

    public RateLimitSettings rateLimits() {
        return rateLimits;
    }

    public PasswordSettings passwords() {
        return passwords;
    }

    public BruteForceSettings bruteForce() {
        return bruteForce;
    }

    public FederationSettings federation() {
        return federation;
    }

    public ProtocolSettings protocol() {
        return protocol;
    }
}
