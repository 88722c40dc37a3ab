package org.polyproto.jakarta.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.IdCertRecord;

/**
 * Security review M5: {@code key/actor} limits in the query. Hibernate's statistics count the rows it turned into
 * entities, so loading every certificate and cutting the list afterwards would show here.
 */
class BoundedQueriesTest {

    static final FederationId ALICE = FederationId.parse("alice@example.com");
    static final Instant T = Instant.ofEpochSecond(1_800_000_000L);
    static final int ROWS = 200;
    static final int LIMIT = 10;

    private final H2Database db = new H2Database();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void validCertificatesOfAnActorAreLimitedInTheQueryNewestFirst() {
        JpaIdCertStore store = new JpaIdCertStore();
        store.em = db.factory.createEntityManager();
        store.sql = H2Database.sqlOn(store.em);
        H2Database.inTransaction(store.em, () -> {
            for (int i = 0; i < ROWS; i++) {
                store.save(new IdCertRecord(BigInteger.valueOf(1_000 + i), ALICE, "s" + i, "PEM " + i,
                        T.minusSeconds(ROWS - i), T.plusSeconds(3600), Optional.empty()));
            }
            return null;
        });
        store.em.clear();
        Statistics statistics = db.factory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        List<IdCertRecord> newest = H2Database.inTransaction(store.em, () -> store.findValidAt(ALICE, T, LIMIT));

        assertEquals(LIMIT, newest.size());
        assertEquals(BigInteger.valueOf(1_000 + ROWS - 1), newest.get(0).serial(), "newest first");
        assertEquals(1, statistics.getPrepareStatementCount(), "one statement");
        assertEquals(LIMIT, statistics.getEntityLoadCount(), "rows loaded: only the ones answered");
    }
}
