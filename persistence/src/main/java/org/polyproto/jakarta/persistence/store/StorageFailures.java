package org.polyproto.jakarta.persistence.store;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.polyproto.jakarta.spi.storage.StorageConflictException;
import org.polyproto.jakarta.spi.storage.StorageUnavailableException;

/**
 * The one place that reads SQLStates: turns what JDBC, JPA and the container's pool throw into the storage
 * contract's two failures. A lost race (integrity constraint, class 23; transaction rollback such as a deadlock
 * victim, class 40) is a conflict; a database that cannot serve now (connection, 08; insufficient resources, 53;
 * operator intervention, 57; any transient or recoverable JDBC failure; a pool that gave no connection in time) is
 * unavailable. Anything else stays what it is: a defect.
 */
final class StorageFailures {

    private static final Set<String> UNAVAILABLE_STATES = Set.of("08", "53", "57");

    private StorageFailures() {
    }

    static RuntimeException translate(RuntimeException e) {
        if (e instanceof StorageConflictException || e instanceof StorageUnavailableException) {
            return e;
        }
        if (isConflict(e)) {
            return new StorageConflictException("polyproto: lost a race to a concurrent transaction", e);
        }
        if (isUnavailable(e)) {
            return new StorageUnavailableException("polyproto: the database cannot serve now", e);
        }
        return e;
    }

    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException || t instanceof SQLTransactionRollbackException
                    || t instanceof jakarta.persistence.EntityExistsException) {
                return true;
            }
            if (sqlStateClass(t).filter(c -> c.equals("23") || c.equals("40")).isPresent()) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (sqlStateClass(t).filter(UNAVAILABLE_STATES::contains).isPresent()) {
                return true;
            }
            // Open Liberty's pool: ConnectionWaitTimeoutException extends jakarta.resource.ResourceException
            if (t.getClass().getName().endsWith("ResourceException")) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Optional<String> sqlStateClass(Throwable t) {
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
            return java.util.Optional.of(sql.getSQLState().substring(0, 2));
        }
        return java.util.Optional.empty();
    }
}
