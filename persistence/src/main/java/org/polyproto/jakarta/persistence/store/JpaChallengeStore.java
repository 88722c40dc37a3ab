package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.entity.ChallengeEntity;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.ChallengeStore;

/**
 * Challenges in {@code p2_challenge}. Consumption is a conditional delete: the database's row lock lets exactly
 * one of several concurrent transactions delete the row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@StorageOperation
public class JpaChallengeStore implements ChallengeStore {

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    ServerScope scope;

    @Override
    public void save(Challenge challenge) {
        ChallengeEntity e = new ChallengeEntity();
        e.challenge = challenge.value();
        e.serverDomain = scope.domain();
        e.expiresAt = Conversions.seconds(challenge.expiresAt());
        em.persist(e);
    }

    @Override
    @ReadOnly
    public Optional<Challenge> find(String value) {
        ChallengeEntity found = em.find(ChallengeEntity.class, value);
        if (found == null || !found.serverDomain.equals(scope.domain())) {
            return Optional.empty();
        }
        em.detach(found);
        return Optional.of(new Challenge(value, Conversions.instant(found.expiresAt)));
    }

    /**
     * A primary-key read for the expiry, then a plain SQL delete whose row count decides which of several
     * concurrent attempts consumed the challenge (a JPQL delete would be translated anew on every call).
     */
    @Override
    public Optional<Challenge> consume(String value) {
        ChallengeEntity found = em.find(ChallengeEntity.class, value);
        if (found == null || !found.serverDomain.equals(scope.domain())) {
            return Optional.empty();
        }
        long expiresAt = found.expiresAt;
        em.detach(found);
        int deleted = em.createNativeQuery("delete from p2_challenge where challenge = ?1 and server_domain = ?2")
                .setParameter(1, value).setParameter(2, scope.domain()).executeUpdate();
        return deleted == 1 ? Optional.of(new Challenge(value, Conversions.instant(expiresAt))) : Optional.empty();
    }

    @Override
    public int purgeExpired(Instant now) {
        return em.createQuery("delete from ChallengeEntity c where c.expiresAt < :now and c.serverDomain = :server")
                .setParameter("server", scope.domain())
                .setParameter("now", Conversions.seconds(now)).executeUpdate();
    }
}
