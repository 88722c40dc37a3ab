package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.internal.config.InvalidConfigurationException;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.Actor;
import org.polyproto.jakarta.spi.ActorStore;
import org.polyproto.jakarta.spi.storage.StorageConflictException;

/**
 * Creates the configured administrators of this domain that do not exist yet, once, from a bootstrap password
 * ({@code polyproto.admin.bootstrap-password-file}, or {@code polyproto.admin.bootstrap-password}, e.g. from the
 * environment as {@code POLYPROTO_ADMIN_BOOTSTRAP_PASSWORD}), the way Keycloak bootstraps its first admin. Once an
 * administrator exists the password is no longer used, and a warning says to remove it. Without one, a warning
 * names each administrator that nobody can sign in as yet: open registration never creates them.
 */
@ApplicationScoped
public class AdministratorBootstrap {

    public static final String PASSWORD = "polyproto.admin.bootstrap-password";
    public static final String PASSWORD_FILE = "polyproto.admin.bootstrap-password-file";
    private static final Logger LOG = Logger.getLogger(AdministratorBootstrap.class.getName());

    @Inject
    PolyprotoConfig config;
    @Inject
    ActorStore actors;
    @Inject
    Secrets secrets;
    @Inject
    PolyprotoClock clock;
    @Inject
    Transactions transactions;

    void run() {
        Optional<String> password = password();
        for (FederationId admin : config.admins()) {
            if (!admin.domain().equals(config.domain())) {
                continue;
            }
            if (exists(admin)) {
                password.ifPresent(p -> LOG.warning(() -> "polyproto: administrator " + admin
                        + " exists; remove the bootstrap password setting"));
            } else if (password.isPresent()) {
                create(admin, password.get());
            } else {
                LOG.warning(() -> "polyproto: administrator " + admin + " does not exist and cannot be registered;"
                        + " create it through the host or set " + PASSWORD_FILE);
            }
        }
    }

    private void create(FederationId admin, String password) {
        try {
            Actor actor = new Actor(admin, Optional.of(secrets.passwordHasher().hash(password)), clock.now());
            transactions.run(() -> actors.create(actor));
            LOG.info(() -> "polyproto: administrator " + admin + " created from the bootstrap password");
        } catch (StorageConflictException e) {
            LOG.fine(() -> "polyproto: administrator " + admin + " was created by another node");
        }
    }

    private boolean exists(FederationId admin) {
        return transactions.call(() -> actors.find(admin)).isPresent();
    }

    private Optional<String> password() {
        Optional<String> inline = config.raw(PASSWORD);
        Optional<String> file = config.raw(PASSWORD_FILE);
        if (inline.isPresent() && file.isPresent()) {
            throw new InvalidConfigurationException("set " + PASSWORD + " or " + PASSWORD_FILE + ", not both");
        }
        Optional<String> password = file.map(AdministratorBootstrap::read).or(() -> inline);
        password.filter(p -> p.codePointCount(0, p.length()) < Registrations.MIN_PASSWORD).ifPresent(p -> {
            throw new InvalidConfigurationException("the administrator bootstrap password must have at least "
                    + Registrations.MIN_PASSWORD + " characters");
        });
        return password;
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigurationException(PASSWORD_FILE + " cannot be read: " + path);
        }
    }
}
