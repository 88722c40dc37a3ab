package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.ChallengeStore;

/** Used challenges in {@code p2_challenge}, one row per challenge until it has expired. */
@ApplicationScoped
@StorageOperation
public class JpaChallengeStore implements ChallengeStore {

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    ServerScope scope;
    @Inject
    UnitSql sql;

    /** One statement ({@link UsedOnce}): 0 rows for a challenge used before. */
    @Override
    @Jdbc
    public boolean use(Challenge challenge) {
        return UsedOnce.CHALLENGE.record(sql, challenge.value(), scope.domain(),
                Conversions.seconds(challenge.expiresAt()));
    }

    @Override
    public int purgeExpired(Instant now) {
        return em.createQuery("delete from ChallengeEntity c where c.expiresAt < :now and c.serverDomain = :server")
                .setParameter("server", scope.domain())
                .setParameter("now", Conversions.seconds(now)).executeUpdate();
    }
}
