package org.polyproto.jakarta.internal.service;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Runs a transaction again when it lost a race to a concurrent one: two identifies for the same (actor, session ID)
 * both replace the session, and the second insert fails on {@code p2_session}'s unique key (SQLState class 23), or
 * the database picks it as a deadlock victim (class 40, e.g. InnoDB's gap locks). The loser's transaction was rolled
 * back whole (its challenge too), so running it again is exactly the replacement the contract asks for.
 */
public final class UniqueKeyRace {

    static final int ATTEMPTS = 3;

    private UniqueKeyRace() {
    }

    /** {@code transaction} must start and end its own transaction. */
    public static <T> T retried(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isLostRace(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean isLostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || t instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }
}
