package org.polyproto.jakarta.persistence.schema;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.polyproto.jakarta.persistence.config.PersistenceSettings;
import org.polyproto.jakarta.persistence.log.PersistenceLog;

/**
 * Reads and validates the persistence settings, then migrates the module's tables when the application starts,
 * before anything uses them. Off with {@code polyproto.schema.migrate=false} for hosts that apply the same SQL with
 * their own tooling. The datasource is the persistence unit's, {@code polyproto.datasource} (default
 * {@code jdbc/polyprotoDS}).
 */
@ApplicationScoped
public class SchemaMigrationStartup {

    @Inject
    PersistenceSettings settings;

    private volatile boolean migratedAtStart;

    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
                 @Initialized(ApplicationScoped.class) Object event) {
        if (!settings.migrate()) {
            PersistenceLog.migrationOff(PersistenceSettings.MIGRATE);
            return;
        }
        String name = settings.datasource();
        int applied = onOwnThread(lookup(name));
        migratedAtStart = true;
        PersistenceLog.migrated(applied);
    }

    /**
     * Flyway takes its connections straight from the datasource, outside any global transaction. On the
     * application's start thread Open Liberty would keep them in that thread's local transaction containment after
     * Flyway closed them, holding pool connections for as long as the thread's containment lasts. On a thread of
     * its own, outside the container, a closed connection goes straight back to the pool.
     */
    private static int onOwnThread(DataSource dataSource) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                outcome.set(SchemaMigrations.migrate(dataSource));
            } catch (RuntimeException | Error e) {
                outcome.set(e);
            }
        }, "polyproto-schema-migration");
        worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("polyproto: interrupted while migrating the schema", e);
        }
        if (outcome.get() instanceof RuntimeException e) {
            throw e;
        }
        if (outcome.get() instanceof Error e) {
            throw e;
        }
        return (Integer) outcome.get();
    }

    /** Whether this application migrated the schema to the newest version when it started. */
    boolean migratedAtStart() {
        return migratedAtStart;
    }

    public static DataSource lookup(String name) {
        NamingException last = null;
        for (String candidate : List.of(name, "java:/" + name, "java:comp/env/" + name)) {
            try {
                return (DataSource) new InitialContext().lookup(candidate);
            } catch (NamingException e) {
                last = e;
            }
        }
        throw new IllegalStateException("polyproto: datasource " + name + " not found; set "
                + PersistenceSettings.DATASOURCE, last);
    }
}
