package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.config.ServerSettings;
import org.polyproto.jakarta.spi.ActorDirectory;
import org.polyproto.jakarta.spi.storage.StorageConflictException;
import org.polyproto.jakarta.internal.log.ModuleLog;

/**
 * Creates the configured administrators of this domain that do not exist yet, once, from a bootstrap password
 * ({@code polyproto.admin.bootstrap-password-file}, or {@code polyproto.admin.bootstrap-password}, e.g. from the
 * environment as {@code POLYPROTO_ADMIN_BOOTSTRAP_PASSWORD}), the way Keycloak bootstraps its first admin. Once an
 * administrator exists the password is no longer used, and a warning says to remove it. Without one, a warning
 * names each administrator that nobody can sign in as yet: open registration never creates them.
 */
@ApplicationScoped
public class AdministratorBootstrap {

    @Inject
    PolyprotoConfig config;
    @Inject
    ActorDirectory directory;
    @Inject
    ActorCapabilities capabilities;

    void run() {
        Optional<String> password = config.server().bootstrapPassword();
        for (FederationId admin : config.server().admins()) {
            if (!admin.domain().equals(config.server().domain())) {
                continue;
            }
            if (exists(admin)) {
                password.ifPresent(p -> ModuleLog.administratorExistsRemoveBootstrap(admin));
            } else if (password.isPresent() && capabilities.registration().isPresent()) {
                create(admin, password.get());
            } else {
                ModuleLog.administratorCannotBeCreated(admin, ServerSettings.BOOTSTRAP_PASSWORD_FILE);
            }
        }
    }

    private void create(FederationId admin, String password) {
        try {
            capabilities.registration().orElseThrow().register(admin, Optional.of(password));
            ModuleLog.administratorCreated(admin);
        } catch (StorageConflictException | PolyprotoException e) {
            if (!exists(admin)) {
                throw e;
            }
            ModuleLog.administratorCreatedElsewhere(admin);
        }
    }

    private boolean exists(FederationId admin) {
        return directory.find(admin).isPresent();
    }
}
