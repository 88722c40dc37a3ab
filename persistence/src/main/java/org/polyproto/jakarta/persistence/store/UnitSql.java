package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.polyproto.jakarta.persistence.config.PersistenceSettings;
import org.polyproto.jakarta.persistence.schema.SchemaMigrationStartup;

/**
 * Plain JDBC on the persistence unit's datasource ({@code polyproto.datasource}) for the statements of identify's
 * transaction: they skip the EntityManager, so a transaction made of them alone opens no persistence context, and
 * each costs a prepared statement instead of a query plan, a persistence context lookup and a flush. Inside a JTA
 * transaction the container hands out the connection the transaction already holds (the one Hibernate uses too), so
 * these statements see what the unit flushed and commit or roll back with it. Stores flush after every write
 * ({@link StorageOperationInterceptor}), so nothing the unit holds is unflushed when one of these runs. A failure
 * comes out as the storage contract's ({@link StorageFailures}).
 */
@ApplicationScoped
public class UnitSql {

    /** Reads one row; the result set is positioned on it. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    @Inject
    PersistenceSettings settings;

    /** Looked up on first use; set by tests. */
    volatile DataSource dataSource;

    /** Runs an INSERT, UPDATE or DELETE. */
    int update(String sql, Object... parameters) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = prepare(c, sql, parameters)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The first row of a query, if any. */
    <T> Optional<T> first(String sql, Row<T> row, Object... parameters) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = prepare(c, sql, parameters);
             ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(row.read(r)) : Optional.empty();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Every row of a query. */
    <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = prepare(c, sql, parameters);
             ResultSet r = s.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(row.read(r));
            }
            return rows;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** A {@code NUMERIC(49,0)} serial column. */
    static BigInteger serial(ResultSet row, String column) throws SQLException {
        return row.getBigDecimal(column).toBigIntegerExact();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof BigInteger serial) {
                    s.setBigDecimal(i + 1, new BigDecimal(Conversions.serial(serial)));
                } else if (p instanceof Long l) {
                    s.setLong(i + 1, l);
                } else if (p instanceof String text) {
                    s.setString(i + 1, text);
                } else {
                    throw new IllegalArgumentException("polyproto: no JDBC binding for " + p);
                }
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static RuntimeException failed(SQLException e) {
        return StorageFailures.translate(new PersistenceException(e));
    }

    private DataSource dataSource() {
        DataSource d = dataSource;
        if (d == null) {
            d = SchemaMigrationStartup.lookup(settings.datasource());
            dataSource = d;
        }
        return d;
    }
}
