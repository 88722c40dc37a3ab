package org.polyproto.jakarta.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.persistence.schema.SchemaMigrations;

/** The module's Flyway migrations on a real (embedded H2) database. */
class SchemaMigrationsTest {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    {
        dataSource.setURL("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void upgradingFromVersionOneKeepsTheData() throws SQLException {
        assertEquals(1, SchemaMigrations.migrateTo(dataSource, "1"));
        execute("INSERT INTO p2_actor (fid, password_hash, registered_at) VALUES ('alice@example.com', 'h', 1)");
        execute("INSERT INTO p2_id_cert (serial, fid, session_id, pem, not_before, not_after) VALUES "
                + "(7, 'alice@example.com', 's1', 'PEM', 1, 2)");
        execute("INSERT INTO p2_session (token_hash, server_domain, fid, session_id, cert_serial, cert_pem, "
                + "opened_at, expires_at) VALUES ('" + "a".repeat(64) + "', 'example.com', 'alice@example.com', "
                + "'s1', 7, 'PEM', 1, 2)");

        assertEquals(7, SchemaMigrations.migrateTo(dataSource, "8"), "versions 2 to 8 are applied on top");
        assertEquals(List.of("alice@example.com"), strings("SELECT fid FROM p2_actor"));
        assertEquals(List.of("s1"), strings("SELECT session_id FROM p2_id_cert WHERE serial = 7"));
        assertEquals(List.of("7"), strings("SELECT cert_serial FROM p2_session"), "serials survive the type change");
        assertEquals(List.of("s1"), strings("SELECT session_id FROM p2_session"));
        execute("INSERT INTO p2_key_package (id, server_domain, fid, session_id, digest, last_resort, key_package, "
                + "uploaded_at) VALUES (1, 'example.com', 'alice@example.com', 's1', '" + "d".repeat(64)
                + "', FALSE, 'AAAA', 1)");
        assertEquals(1, SchemaMigrations.migrateTo(dataSource, "9"));
        assertEquals(List.of("0"), strings("SELECT COUNT(*) FROM p2_key_package"), "unchecked KeyPackages go in 9");
        execute("INSERT INTO p2_key_package (id, server_domain, fid, session_id, digest, last_resort, key_package, "
                + "uploaded_at, expires_at) VALUES (2, 'example.com', 'alice@example.com', 's1', '" + "e".repeat(64)
                + "', TRUE, 'AAAA', 1, 2)");
        assertEquals(1, SchemaMigrations.migrate(dataSource));
        assertEquals(List.of("TRUE"), strings("SELECT handed_out FROM p2_key_package WHERE id = 2"),
                "a package stored before 10 counts as handed out: its init key stays refused");
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), strings("SELECT \"version\" FROM \"" + SchemaMigrations.HISTORY_TABLE
                + "\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""));
        assertEquals(0, SchemaMigrations.migrate(dataSource), "nothing left to do");
    }

    @Test
    void aHostsOwnTablesAndFlywayHistoryAreLeftAlone() throws SQLException {
        execute("CREATE TABLE host_orders (id INT PRIMARY KEY)");
        execute("INSERT INTO host_orders VALUES (42)");
        execute("CREATE TABLE \"flyway_schema_history\" (\"installed_rank\" INT PRIMARY KEY)");
        execute("INSERT INTO \"flyway_schema_history\" VALUES (1)");
        assertEquals(10, SchemaMigrations.migrate(dataSource));
        assertEquals(List.of("42"), strings("SELECT id FROM host_orders"));
        assertEquals(List.of("1"), strings("SELECT \"installed_rank\" FROM \"flyway_schema_history\""));
        assertEquals(List.of("0"), strings("SELECT COUNT(*) FROM p2_actor"));
    }

    @Test
    void everyVendorHasTheSameVersions() throws Exception {
        for (String vendor : List.of("h2", "postgresql", "mariadb")) {
            for (String script : List.of("V1__identity.sql", "V2__keypackages_events.sql",
                    "V3__large_serials_and_key_custody.sql", "V4__actor_locks.sql", "V5__login_failures.sql",
                    "V6__broadcast_events.sql", "V7__key_material_services.sql", "V8__key_trials.sql",
                    "V9__checked_key_packages.sql", "V10__init_keys_of_unhanded_packages.sql")) {
                try (InputStream in = getClass().getResourceAsStream("/META-INF/polyproto/db/" + vendor + "/"
                        + script)) {
                    assertTrue(in != null && in.readAllBytes().length > 50, vendor + "/" + script);
                }
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
