package org.polyproto.jakarta.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.internal.service.Registrations;
import org.polyproto.jakarta.spi.ConfigurationSource;

/**
 * Who this home server is and who may hold which names on it.
 *
 * @param domain {@value #DOMAIN}
 * @param admins {@value #ADMINS}
 * @param reservedNames {@value #RESERVED_NAMES}
 * @param bootstrapPassword {@value #BOOTSTRAP_PASSWORD}, or the content of {@value #BOOTSTRAP_PASSWORD_FILE}
 */
public record ServerSettings(String domain, Set<FederationId> admins, Set<String> reservedNames,
                             Optional<String> bootstrapPassword) {

    /**
     * The domain this server is the home server of; its actors are {@code name@<domain>}. Required; a domain of
     * the Federation ID rules, stored in lower case.
     *
     * @since 0.1
     */
    public static final String DOMAIN = "polyproto.domain";
    /**
     * Comma-separated Federation IDs of the administrators (the default {@code AdministratorPolicy}); open
     * registration refuses these names. Default none.
     *
     * @since 0.1
     */
    public static final String ADMINS = "polyproto.admins";
    /**
     * Comma-separated actor names that cannot be registered. Default none; each an actor name of the Federation
     * ID rules, compared in lower case.
     *
     * @since 0.1
     */
    public static final String RESERVED_NAMES = "polyproto.reserved-names";
    /**
     * The first password of every configured administrator of this domain that does not exist yet, given
     * directly (e.g. from the environment). At least as long as registration requires (8 characters); not together with
     * {@value #BOOTSTRAP_PASSWORD_FILE}. Default none.
     *
     * @since 0.2
     */
    public static final String BOOTSTRAP_PASSWORD = "polyproto.admin.bootstrap-password";
    /**
     * Path of a file whose trimmed content is the bootstrap password (see {@value #BOOTSTRAP_PASSWORD}); read at
     * start. Default none.
     *
     * @since 0.2
     */
    public static final String BOOTSTRAP_PASSWORD_FILE = "polyproto.admin.bootstrap-password-file";

    public static final List<String> KEYS = List.of(DOMAIN, ADMINS, RESERVED_NAMES, BOOTSTRAP_PASSWORD,
            BOOTSTRAP_PASSWORD_FILE);

    public static ServerSettings read(ConfigurationSource source) {
        return new ServerSettings(Values.domain(source, DOMAIN),
                Set.copyOf(Values.list(source, ADMINS, "a Federation ID", FederationId::parse)),
                Set.copyOf(Values.list(source, RESERVED_NAMES, "an actor name", FederationId::requireLocalName)),
                bootstrapPassword(source));
    }

    private static Optional<String> bootstrapPassword(ConfigurationSource source) {
        Optional<String> inline = source.text(BOOTSTRAP_PASSWORD);
        Optional<String> file = source.text(BOOTSTRAP_PASSWORD_FILE);
        if (inline.isPresent() && file.isPresent()) {
            throw new InvalidConfigurationException(BOOTSTRAP_PASSWORD, "and " + BOOTSTRAP_PASSWORD_FILE
                    + " are both set; set one of them");
        }
        String key = file.isPresent() ? BOOTSTRAP_PASSWORD_FILE : BOOTSTRAP_PASSWORD;
        Optional<String> password = file.map(ServerSettings::read).or(() -> inline);
        password.filter(p -> p.codePointCount(0, p.length()) < Registrations.MIN_PASSWORD).ifPresent(p -> {
            throw new InvalidConfigurationException(key, "gives a password of fewer than " + Registrations.MIN_PASSWORD
                    + " characters");
        });
        return password;
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigurationException(BOOTSTRAP_PASSWORD_FILE, "names a file that cannot be read: "
                    + path);
        }
    }

    /** Without the bootstrap password. */
    @Override
    public String toString() {
        return "ServerSettings[domain=" + domain + ", admins=" + admins + ", reservedNames=" + reservedNames + "]";
    }
}
