package org.polyproto.jakarta.it.host;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.it.ProbeResource;
import org.polyproto.jakarta.spi.Actor;
import org.polyproto.jakarta.spi.ActorDirectory;
import org.polyproto.jakarta.spi.ActorRegistration;
import org.polyproto.jakarta.spi.CredentialVerifier;

/**
 * A host with users of its own: a {@code host_users} table with bcrypt hashes (BouncyCastle's OpenBSD bcrypt), read
 * and written with plain JDBC in the host's own transactions. It is the actor directory, the registration and the
 * credential verifier; the module's {@code p2_actor} table is never used.
 */
@ApplicationScoped
public class BcryptUsers implements ActorDirectory, ActorRegistration, CredentialVerifier {

    static final int COST = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DUMMY = OpenBSDBCrypt.generate("not anybody's".toCharArray(), salt(), COST);
    /** The host's own schema, applied by its own tooling (here: {@link Schema}, as the application starts). */
    public static final String TABLE = "create table host_users (fid varchar(320) primary key, "
            + "bcrypt varchar(60) not null)";

    @Override
    @Transactional
    public Optional<Actor> find(FederationId fid) {
        return hashOf(fid).map(hash -> new Actor(fid));
    }

    @Override
    @Transactional
    public void register(FederationId fid, Optional<String> password) {
        String hash = password.map(p -> OpenBSDBCrypt.generate(p.toCharArray(), salt(), COST)).orElse("");
        try (Connection c = dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into host_users (fid, bcrypt) values (?, ?)")) {
            insert.setString(1, fid.toString());
            insert.setString(2, hash);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new PolyprotoException(ErrorCode.FEDERATION_ID_TAKEN, "This user exists.");
            }
            throw new IllegalStateException("host_users", e);
        }
    }

    @Override
    @Transactional
    public boolean verify(FederationId fid, String password, JsonObject authPayload) {
        String hash = hashOf(fid).filter(h -> !h.isEmpty()).orElse(DUMMY);
        boolean matches = OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        return matches && !hash.equals(DUMMY);
    }

    private Optional<String> hashOf(FederationId fid) {
        try (Connection c = dataSource().getConnection(); PreparedStatement select = c.prepareStatement(
                "select bcrypt from host_users where fid = ?")) {
            select.setString(1, fid.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("host_users", e);
        }
    }

    /**
     * Creates {@code host_users} as the application starts, before the module's start (which may register the
     * configured administrators here) and before anyone signs in; an existing table is kept.
     */
    @ApplicationScoped
    public static class Schema {
        void create(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE + 200)
                    @Initialized(ApplicationScoped.class) Object started) {
            // On a thread of its own: outside a global transaction, Open Liberty would keep the connection in the
            // start thread's local transaction containment (see the module's SchemaMigrationStartup).
            CompletableFuture.runAsync(Schema::createTable).join();
        }

        private static void createTable() {
            try (Connection c = dataSource().getConnection(); Statement ddl = c.createStatement()) {
                ddl.execute(TABLE);
            } catch (SQLException exists) {
                // created by an earlier start or another node
            }
        }
    }

    /** The test probe's view of this host: its users stand in for the module's actor table. */
    @ApplicationScoped
    public static class Counts implements ProbeResource.StoredElsewhere {
        @Override
        @Transactional
        public Map<String, Long> counts() {
            try (Connection c = dataSource().getConnection(); PreparedStatement count = c.prepareStatement(
                    "select count(*) from host_users"); ResultSet row = count.executeQuery()) {
                row.next();
                return Map.of("p2_actor", row.getLong(1));
            } catch (SQLException e) {
                throw new IllegalStateException("host_users", e);
            }
        }
    }

    private static DataSource dataSource() throws SQLException {
        try {
            return lookup();
        } catch (NamingException e) {
            throw new SQLException("no datasource", e);
        }
    }

    private static DataSource lookup() throws NamingException {
        InitialContext context = new InitialContext();
        try {
            return (DataSource) context.lookup("jdbc/polyprotoDS");
        } catch (NamingException liberty) {
            return (DataSource) context.lookup("java:/jdbc/polyprotoDS");
        }
    }

    private static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }
}
