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
     * A primary-key read, then an insert flushed at once: of two transactions that both read nothing, the second
     * insert waits for the first and then fails on the key, which the caller sees as a conflict and runs again.
     */
    @Override
    public boolean use(Challenge challenge) {
        if (em.find(ChallengeEntity.class, challenge.value()) != null) {
            return false;
        }
        ChallengeEntity e = new ChallengeEntity();
        e.challenge = challenge.value();
        e.serverDomain = scope.domain();
        e.expiresAt = Conversions.seconds(challenge.expiresAt());
        em.persist(e);
        em.flush();
        return true;
    }

    @Override
    public int purgeExpired(Instant now) {
        return em.createQuery("delete from ChallengeEntity c where c.expiresAt < :now and c.serverDomain = :server")
                .setParameter("server", scope.domain())
                .setParameter("now", Conversions.seconds(now)).executeUpdate();
    }
}
