package org.polyproto.jakarta.persistence.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.polyproto.jakarta.persistence.config.PersistenceSettings;
import org.polyproto.jakarta.persistence.store.NewTransaction;
import org.polyproto.jakarta.spi.storage.StorageReadiness;

/**
 * Ready when a trivial query answers and no schema migration is pending. Once the schema was found complete (or
 * migrated at start) it is not asked again: versions only grow while the application runs.
 */
@ApplicationScoped
public class JpaStorageReadiness implements StorageReadiness {

    @Inject
    NewTransaction tx;
    @Inject
    PersistenceSettings settings;
    @Inject
    SchemaMigrationStartup startup;

    private volatile boolean schemaComplete;

    @Override
    public Optional<String> notReadyBecause() {
        try {
            tx.run(em -> em.createNativeQuery("select 1").getSingleResult());
        } catch (RuntimeException e) {
            return Optional.of("the database does not answer");
        }
        if (!schemaComplete) {
            try {
                int pending = startup.migratedAtStart() ? 0 : SchemaMigrations.pending(
                        SchemaMigrationStartup.lookup(settings.datasource()));
                if (pending > 0) {
                    return Optional.of(pending + " schema migration(s) not applied");
                }
            } catch (RuntimeException e) {
                return Optional.of("the schema version cannot be read");
            }
            schemaComplete = true;
        }
        return Optional.empty();
    }
}
