package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.entity.KeyTrialEntity;
import org.polyproto.jakarta.spi.storage.CompletedKeyTrial;
import org.polyproto.jakarta.spi.storage.KeyTrialStore;

/** Completed key trials in {@code p2_key_trial}, one row per trial (a consumed challenge is unique). */
@ApplicationScoped
@StorageOperation
public class JpaKeyTrialStore implements KeyTrialStore {

    private static final String ACTOR = " k.serverDomain = :server and k.fid = :fid";
    private static final HexFormat HEX = HexFormat.of();

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    ServerScope scope;

    @Override
    public void add(FederationId fid, CompletedKeyTrial completed) {
        KeyTrialEntity e = new KeyTrialEntity();
        e.id = Clients.newId();
        e.serverDomain = scope.domain();
        e.fid = fid.toString();
        e.trial = completed.trial();
        e.expires = Conversions.seconds(completed.expires());
        e.signature = HEX.formatHex(completed.signature());
        e.serial = Conversions.serial(completed.serial());
        e.completedAt = Conversions.seconds(completed.completedAt());
        em.persist(e);
    }

    @Override
    @ReadOnly
    public List<CompletedKeyTrial> find(FederationId fid, Optional<String> trial, Instant expiredBefore,
                                        Instant from, Instant to, int limit) {
        var query = em.createQuery("select k from KeyTrialEntity k where" + ACTOR + " and k.expires < :expired"
                        + " and k.completedAt >= :from and k.completedAt <= :to"
                        + (trial.isPresent() ? " and k.trial = :trial" : "")
                        + " order by k.completedAt desc, k.trial desc", KeyTrialEntity.class)
                .setParameter("server", scope.domain()).setParameter("fid", fid.toString())
                .setParameter("expired", Conversions.seconds(expiredBefore))
                .setParameter("from", Conversions.seconds(from)).setParameter("to", Conversions.seconds(to));
        trial.ifPresent(t -> query.setParameter("trial", t));
        return query.setMaxResults(limit).getResultStream().map(e -> new CompletedKeyTrial(e.trial,
                Conversions.instant(e.expires), HEX.parseHex(e.signature), e.serial,
                Conversions.instant(e.completedAt))).toList();
    }

    @Override
    public int trim(FederationId fid, int keep) {
        List<Long> beyond = em.createQuery("select k.id from KeyTrialEntity k where" + ACTOR
                        + " order by k.completedAt desc, k.trial desc", Long.class)
                .setParameter("server", scope.domain()).setParameter("fid", fid.toString())
                .setFirstResult(keep).getResultList();
        if (beyond.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from KeyTrialEntity k where k.id in :ids").setParameter("ids", beyond)
                .executeUpdate();
    }
}
