package org.polyproto.jakarta.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The module's versioned SQL, {@code META-INF/polyproto/db/<vendor>/V<n>__*.sql} for {@code h2},
 * {@code postgresql} and {@code mariadb}, applied by Flyway with the module's own history table
 * {@code p2_schema_history}, so it never mixes with a host's migrations. Each folder holds an empty
 * {@code flyway.location} file, which Flyway needs to find it inside a WAR on Open Liberty.
 */
public final class SchemaMigrations {

    public static final String HISTORY_TABLE = "p2_schema_history";
    static final String LOCATION = "classpath:META-INF/polyproto/db/";

    private SchemaMigrations() {
    }

    /** Brings the schema to the newest version; returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        return flyway(dataSource, MigrationVersion.LATEST).migrate().migrationsExecuted;
    }

    /** How many of the module's migrations the schema behind {@code dataSource} lacks. */
    public static int pending(DataSource dataSource) {
        return flyway(dataSource, MigrationVersion.LATEST).info().pending().length;
    }

    /** Brings the schema up to {@code version} only (for upgrade tests). */
    public static int migrateTo(DataSource dataSource, String version) {
        return flyway(dataSource, MigrationVersion.fromVersion(version)).migrate().migrationsExecuted;
    }

    /** The folder name of the database behind {@code dataSource}: h2, postgresql or mariadb. */
    public static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("mariadb") || product.contains("mysql")) {
                return "mariadb";
            }
            throw new IllegalStateException("polyproto: no migrations for database " + product
                    + "; apply the SQL of META-INF/polyproto/db/ yourself and set polyproto.schema.migrate=false");
        } catch (SQLException e) {
            throw new IllegalStateException("polyproto: the database cannot be reached to migrate the schema", e);
        }
    }

    private static Flyway flyway(DataSource dataSource, MigrationVersion target) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(LOCATION + vendor(dataSource))
                .failOnMissingLocations(true)
                .callbackLocations(LOCATION + "callback")
                .skipDefaultCallbacks(true)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .target(target)
                .load();
    }
}
