package org.polyproto.jakarta.persistence.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * The settings the persistence module reads itself, read once from the {@link ConfigurationSource} and validated
 * when the application starts (first used by {@code SchemaMigrationStartup}). An unusable value fails the
 * deployment with an {@link InvalidConfigurationException} naming the key.
 */
@ApplicationScoped
public class PersistenceSettings {

    /**
     * The domain of this deployment; the rows of this server carry it. Required; a domain of the Federation ID
     * rules, stored in lower case. Also read by the module itself.
     *
     * @since 0.1
     */
    public static final String DOMAIN = "polyproto.domain";
    /**
     * Whether the module applies its schema migrations at start; {@code false} if the host applies them.
     * {@code true} or {@code false}; default {@code true}.
     *
     * @since 0.1
     */
    public static final String MIGRATE = "polyproto.schema.migrate";
    /**
     * JNDI name of the persistence unit's datasource, which the migration looks up (also under {@code java:/}
     * and {@code java:comp/env/}). A name without white space; default {@value #DEFAULT_DATASOURCE}.
     *
     * @since 0.1
     */
    public static final String DATASOURCE = "polyproto.datasource";
    public static final String DEFAULT_DATASOURCE = "jdbc/polyprotoDS";

    /** Every key this module reads. */
    public static final List<String> KEYS = List.of(DOMAIN, MIGRATE, DATASOURCE, ServerKeySecret.SECRET,
            ServerKeySecret.SECRET_FILE, ServerKeySecret.ALLOW_EXAMPLE);

    @Inject
    ConfigurationSource source;

    private String domain;
    private boolean migrate;
    private String datasource;
    private Optional<ServerKeySecret> serverKeySecret;

    /** Settings read from {@code source} at once, outside CDI. */
    public static PersistenceSettings read(ConfigurationSource source) {
        PersistenceSettings settings = new PersistenceSettings();
        settings.source = source;
        settings.load();
        return settings;
    }

    @PostConstruct
    void load() {
        domain = domain(source.text(DOMAIN).orElseThrow(() -> new InvalidConfigurationException(DOMAIN,
                "is required: set it to the domain this server is the home server of")));
        migrate = source.bool(MIGRATE, true);
        datasource = source.text(DATASOURCE).orElse(DEFAULT_DATASOURCE);
        if (datasource.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidConfigurationException(DATASOURCE, "must be a JNDI name without white space, was '"
                    + datasource + "'");
        }
        serverKeySecret = ServerKeySecret.read(source);
    }

    /** {@value #DOMAIN}, lower case. */
    public String domain() {
        return domain;
    }

    /** {@value #MIGRATE}. */
    public boolean migrate() {
        return migrate;
    }

    /** {@value #DATASOURCE}. */
    public String datasource() {
        return datasource;
    }

    /** {@value ServerKeySecret#SECRET} or the content of {@value ServerKeySecret#SECRET_FILE}, if set. */
    public Optional<ServerKeySecret> serverKeySecret() {
        return serverKeySecret;
    }

    private static String domain(String value) {
        try {
            return FederationId.requireDomain(value);
        } catch (PolyprotoException e) {
            throw new InvalidConfigurationException(DOMAIN, "is not a valid domain: '" + value + "'");
        }
    }
}
