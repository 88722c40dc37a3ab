package org.polyproto.jakarta.persistence.store;


/**
 * The tables that record a value as used once (a challenge, an MLS init key): a primary key, the server's domain and
 * a time in epoch seconds after which the row may go. {@link #record} inserts the row unless it is there, in one
 * statement ({@code INSERT ... SELECT ... WHERE NOT EXISTS}, the same SQL on H2, PostgreSQL and MariaDB), and answers
 * whether it did. Of two transactions that both find no row, the second insert waits for the first and then fails
 * on the primary key, which the store's caller sees as a conflict: it runs its transaction again and then finds the
 * row.
 */
enum UsedOnce {
    CHALLENGE("p2_challenge", "challenge", "expires_at"),
    INIT_KEY("p2_init_key", "init_key_hash", "forget_after");

    private final String insert;

    UsedOnce(String table, String key, String until) {
        this.insert = "insert into " + table + " (" + key + ", server_domain, " + until + ") select ?, ?, ?"
                + " where not exists (select 1 from " + table + " where " + key + " = ?)";
    }

    /** True if {@code key} was not recorded before and now is, until {@code untilSeconds}. */
    boolean record(UnitSql sql, String key, String domain, long untilSeconds) {
        return recordIf(sql, insert, key, domain, untilSeconds);
    }

    /**
     * The insert of {@link #record}, made also on {@code condition} (an SQL condition such as {@code exists (...)}),
     * for {@link #recordIf}.
     */
    String insertAlsoIf(String condition) {
        return insert + " and " + condition;
    }

    /**
     * {@link #record}, by {@code insertAlsoIf}, a statement {@link #insertAlsoIf} made: true only if the condition
     * held too, whose parameters are {@code conditionParameters}.
     */
    boolean recordIf(UnitSql sql, String insertAlsoIf, String key, String domain, long untilSeconds,
                     Object... conditionParameters) {
        Object[] parameters = new Object[4 + conditionParameters.length];
        parameters[0] = key;
        parameters[1] = domain;
        parameters[2] = untilSeconds;
        parameters[3] = key;
        System.arraycopy(conditionParameters, 0, parameters, 4, conditionParameters.length);
        return sql.update(insertAlsoIf, parameters) == 1;
    }
}
