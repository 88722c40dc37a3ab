package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.spi.storage.LoginFailureStore;
import org.polyproto.jakarta.spi.storage.StorageConflictException;

/**
 * Password attempts in {@code p2_login_failure}, one row per actor. An attempt is one conditional UPDATE (counted
 * only where the lock has ended), whose row lock makes concurrent attempts for the actor take turns until the
 * transaction ends; the first attempt inserts the row, and of two first attempts the loser is a conflict (its
 * insert fails, or it finds the row the winner made after its update looked).
 */
@ApplicationScoped
@StorageOperation
public class JpaLoginFailureStore implements LoginFailureStore {

    @Inject
    @PolyprotoStorage
    EntityManager em;

    @Override
    public OptionalInt count(FederationId fid, Instant now, Instant forgetBefore) {
        long at = Conversions.seconds(now);
        int counted = em.createNativeQuery("update p2_login_failure set failures = case when last_attempt < ?1"
                        + " then 1 else failures + 1 end, last_attempt = ?2 where fid = ?3 and locked_until <= ?4")
                .setParameter(1, Conversions.seconds(forgetBefore)).setParameter(2, at)
                .setParameter(3, fid.toString()).setParameter(4, at).executeUpdate();
        if (counted == 1) {
            return OptionalInt.of(((Number) em.createNativeQuery("select failures from p2_login_failure where fid = ?1")
                    .setParameter(1, fid.toString()).getSingleResult()).intValue());
        }
        List<?> lockedUntil = em.createNativeQuery("select locked_until from p2_login_failure where fid = ?1")
                .setParameter(1, fid.toString()).getResultList();
        if (!lockedUntil.isEmpty()) {
            if (((Number) lockedUntil.get(0)).longValue() > at) {
                return OptionalInt.empty();
            }
            // created by a concurrent first attempt after this one's update looked
            throw new StorageConflictException("polyproto: a concurrent first attempt created the record", null);
        }
        em.createNativeQuery("insert into p2_login_failure (fid, failures, last_attempt, locked_until)"
                + " values (?1, 1, ?2, 0)").setParameter(1, fid.toString()).setParameter(2, at).executeUpdate();
        return OptionalInt.of(1);
    }

    @Override
    @ReadOnly
    public boolean isLocked(FederationId fid, Instant now) {
        return !em.createNativeQuery("select locked_until from p2_login_failure where fid = ?1 and locked_until > ?2")
                .setParameter(1, fid.toString()).setParameter(2, Conversions.seconds(now)).getResultList().isEmpty();
    }

    @Override
    public void lock(FederationId fid, Instant until) {
        em.createNativeQuery("update p2_login_failure set locked_until = ?1 where fid = ?2")
                .setParameter(1, Conversions.seconds(until)).setParameter(2, fid.toString()).executeUpdate();
    }

    @Override
    public void clear(FederationId fid) {
        em.createNativeQuery("delete from p2_login_failure where fid = ?1").setParameter(1, fid.toString())
                .executeUpdate();
    }

    @Override
    public int purge(Instant before, Instant now) {
        return em.createNativeQuery("delete from p2_login_failure where last_attempt < ?1 and locked_until <= ?2")
                .setParameter(1, Conversions.seconds(before)).setParameter(2, Conversions.seconds(now))
                .executeUpdate();
    }
}
