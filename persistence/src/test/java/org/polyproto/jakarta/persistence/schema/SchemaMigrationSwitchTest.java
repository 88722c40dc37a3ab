package org.polyproto.jakarta.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.persistence.config.PersistenceSettings;

/** A host that runs its own migrations: the module's switch, and the same scripts applied by the host's tooling. */
class SchemaMigrationSwitchTest {

    @Test
    void withMigrateFalseTheModuleLooksUpNoDatasourceAndMigratesNothing() {
        SchemaMigrationStartup startup = new SchemaMigrationStartup();
        startup.settings = settings(Map.of(PersistenceSettings.MIGRATE, "false"));
        startup.onStart(new Object());

        SchemaMigrationStartup migrating = new SchemaMigrationStartup();
        migrating.settings = settings(Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> migrating.onStart(new Object()));
        assertEquals("polyproto: datasource jdbc/polyprotoDS not found; set polyproto.datasource", e.getMessage(),
                "by default it migrates, and fails fast naming the setting when the datasource is missing");
    }

    @Test
    void theShippedScriptsApplyWithPlainJdbcInVersionOrder() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:host-tooling-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String script : new String[] {"V1__identity.sql", "V2__keypackages_events.sql",
                    "V3__large_serials_and_key_custody.sql"}) {
                for (String statement : sql("/META-INF/polyproto/db/h2/" + script).split(";")) {
                    String withoutComments = statement.replaceAll("(?m)^--.*$", "").strip();
                    if (!withoutComments.isEmpty()) {
                        s.execute(withoutComments);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME LIKE 'P2\\_%' ESCAPE '\\'")) {
                rs.next();
                assertEquals(9, rs.getInt(1), "p2_actor, id_cert, challenge, session, server_key, key_package,"
                        + " event_cursor, event, key_custody");
            }
        }
    }

    private static PersistenceSettings settings(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put(PersistenceSettings.DOMAIN, "example.com");
        return PersistenceSettings.read(key -> Optional.ofNullable(all.get(key)));
    }

    private static String sql(String resource) throws java.io.IOException {
        try (InputStream in = SchemaMigrationSwitchTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
