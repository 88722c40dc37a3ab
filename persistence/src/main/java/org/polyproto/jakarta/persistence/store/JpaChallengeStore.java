package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.entity.ChallengeEntity;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.ChallengeStore;

/** Used challenges in {@code p2_challenge}, one row per challenge until it has expired. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@StorageOperation
public class JpaChallengeStore implements ChallengeStore {

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    ServerScope scope;

    /**
     * One statement, an insert of the row unless it is there ({@code INSERT ... SELECT ... WHERE NOT EXISTS}, the
     * same SQL on H2, PostgreSQL and MariaDB): it answers 0 rows for a challenge used before. Of two transactions
     * that both find no row, the second insert waits for the first and then fails on the primary key, which the
     * caller sees as a conflict; it runs its transaction again and then finds the row.
     */
    @Override
    public boolean use(Challenge challenge) {
        return em.createNativeQuery("insert into p2_challenge (challenge, server_domain, expires_at) select ?1, ?2, ?3"
                        + " where not exists (select 1 from p2_challenge where challenge = ?1)")
                .setParameter(1, challenge.value()).setParameter(2, scope.domain())
                .setParameter(3, Conversions.seconds(challenge.expiresAt())).executeUpdate() == 1;
    }

    @Override
    public int purgeExpired(Instant now) {
        return em.createQuery("delete from ChallengeEntity c where c.expiresAt < :now and c.serverDomain = :server")
                .setParameter("server", scope.domain())
                .setParameter("now", Conversions.seconds(now)).executeUpdate();
    }
}
