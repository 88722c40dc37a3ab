package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.entity.KeyPackageEntity;
import org.polyproto.jakarta.spi.storage.ClaimedKeyPackage;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.KeyPackageStore;
import org.polyproto.jakarta.spi.storage.StoredKeyPackage;

/**
 * KeyPackages in {@code p2_key_package}, init keys in {@code p2_init_key}. A claim deletes the row it picked and only
 * counts it as taken when the delete removed it; a concurrent claimer that lost the row moves on to the next one.
 */
@ApplicationScoped
@StorageOperation
public class JpaKeyPackageStore implements KeyPackageStore {

    private static final String CLIENT = " p.serverDomain = :server and p.fid = :fid and p.sessionId = :sid";

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    ServerScope scope;
    @Inject
    UnitSql sql;

    @Override
    public int add(ClientId client, List<StoredKeyPackage> keyPackages) {
        int added = 0;
        long now = Instant.now().getEpochSecond();
        Set<String> seen = new HashSet<>();
        for (StoredKeyPackage keyPackage : keyPackages) {
            if (!seen.add(keyPackage.initKeyHash())) {
                continue;
            }
            boolean known = !em.createQuery("select p.id from KeyPackageEntity p where" + CLIENT
                            + " and p.digest = :digest", Long.class)
                    .setParameter("server", scope.domain()).setParameter("fid", client.fid().toString())
                    .setParameter("sid", client.sessionId())
                    .setParameter("digest", keyPackage.initKeyHash()).setMaxResults(1).getResultList().isEmpty();
            if (!known) {
                em.persist(entity(client, keyPackage, false, now));
                added++;
            }
        }
        return added;
    }

    @Override
    @ReadOnly
    public int countRegular(ClientId client) {
        return em.createQuery("select count(p) from KeyPackageEntity p where" + CLIENT + " and p.lastResort = false",
                        Long.class)
                .setParameter("server", scope.domain()).setParameter("fid", client.fid().toString())
                .setParameter("sid", client.sessionId())
                .getSingleResult().intValue();
    }

    /** The replaced package's init key is forgotten unless it was handed out (or is the new package's too). */
    @Override
    public void putLastResort(ClientId client, StoredKeyPackage keyPackage) {
        forgetInitKeysUnhanded(client, " and p.lastResort = true and p.digest <> :digest", keyPackage.initKeyHash());
        em.createQuery("delete from KeyPackageEntity p where" + CLIENT + " and (p.lastResort = true"
                        + " or p.digest = :digest)")
                .setParameter("server", scope.domain()).setParameter("fid", client.fid().toString())
                .setParameter("sid", client.sessionId())
                .setParameter("digest", keyPackage.initKeyHash()).executeUpdate();
        em.persist(entity(client, keyPackage, true, Instant.now().getEpochSecond()));
    }

    @Override
    public Optional<ClaimedKeyPackage> claim(ClientId client, Instant now) {
        while (true) {
            List<KeyPackageEntity> next = em.createQuery("select p from KeyPackageEntity p where" + CLIENT
                            + " and p.lastResort = false and p.expiresAt > :now order by p.uploadedAt, p.id",
                            KeyPackageEntity.class)
                    .setParameter("server", scope.domain()).setParameter("fid", client.fid().toString())
                    .setParameter("sid", client.sessionId()).setParameter("now", Conversions.seconds(now))
                    .setMaxResults(1).getResultList();
            if (next.isEmpty()) {
                return lastResort(client, now);
            }
            KeyPackageEntity candidate = next.get(0);
            em.detach(candidate);
            int deleted = em.createQuery("delete from KeyPackageEntity p where p.id = :id")
                    .setParameter("id", candidate.id).executeUpdate();
            if (deleted == 1) {
                return Optional.of(new ClaimedKeyPackage(candidate.keyPackage, false, countUnexpired(client, now)));
            }
        }
    }

    /** One statement ({@link UsedOnce}); a race between two uploads is a conflict for the caller to run again. */
    @Override
    @Jdbc
    public boolean recordInitKey(String initKeyHash, Instant forgetAfter) {
        return UsedOnce.INIT_KEY.record(sql, initKeyHash, scope.domain(), Conversions.seconds(forgetAfter));
    }

    /** The init keys of the packages that were never handed out are forgotten with them. */
    @Override
    public void removeAll(ClientId client) {
        forgetInitKeysUnhanded(client, "", null);
        em.createQuery("delete from KeyPackageEntity p where" + CLIENT)
                .setParameter("server", scope.domain()).setParameter("fid", client.fid().toString())
                .setParameter("sid", client.sessionId()).executeUpdate();
    }

    @Override
    public int purgeExpired(Instant now) {
        long seconds = Conversions.seconds(now);
        return em.createQuery("delete from KeyPackageEntity p where p.serverDomain = :server and p.expiresAt < :now")
                .setParameter("server", scope.domain()).setParameter("now", seconds).executeUpdate()
                + em.createQuery("delete from InitKeyEntity k where k.serverDomain = :server and k.forgetAfter < :now")
                .setParameter("server", scope.domain()).setParameter("now", seconds).executeUpdate();
    }

    private int countUnexpired(ClientId client, Instant now) {
        return em.createQuery("select count(p) from KeyPackageEntity p where" + CLIENT + " and p.lastResort = false"
                        + " and p.expiresAt > :now", Long.class)
                .setParameter("server", scope.domain()).setParameter("fid", client.fid().toString())
                .setParameter("sid", client.sessionId()).setParameter("now", Conversions.seconds(now))
                .getSingleResult().intValue();
    }

    /**
     * The last-resort package, marked as handed out on its managed row (flushed after the call), so that its init key
     * stays refused.
     */
    private Optional<ClaimedKeyPackage> lastResort(ClientId client, Instant now) {
        Optional<KeyPackageEntity> lastResort = em.createQuery("select p from KeyPackageEntity p where" + CLIENT
                        + " and p.lastResort = true and p.expiresAt > :now", KeyPackageEntity.class)
                .setParameter("server", scope.domain()).setParameter("fid", client.fid().toString())
                .setParameter("sid", client.sessionId()).setParameter("now", Conversions.seconds(now))
                .setMaxResults(1).getResultStream().findFirst();
        lastResort.ifPresent(p -> p.handedOut = true);
        return lastResort.map(p -> new ClaimedKeyPackage(p.keyPackage, true, 0));
    }

    /**
     * Deletes the init-key records of the client's packages (narrowed by {@code condition}) that were never handed
     * out: no copy of them left the server, so their init keys need not stay refused, and an actor that uploads and
     * drops packages over and over leaves no rows behind.
     */
    private void forgetInitKeysUnhanded(ClientId client, String condition, String keptDigest) {
        var delete = em.createQuery("delete from InitKeyEntity k where k.serverDomain = :server and k.initKeyHash in"
                        + " (select p.digest from KeyPackageEntity p where" + CLIENT + " and p.handedOut = false"
                        + condition + ")")
                .setParameter("server", scope.domain()).setParameter("fid", client.fid().toString())
                .setParameter("sid", client.sessionId());
        if (keptDigest != null) {
            delete.setParameter("digest", keptDigest);
        }
        delete.executeUpdate();
    }

    private KeyPackageEntity entity(ClientId client, StoredKeyPackage keyPackage, boolean lastResort, long now) {
        KeyPackageEntity e = new KeyPackageEntity();
        e.id = Clients.newId();
        e.serverDomain = scope.domain();
        e.fid = client.fid().toString();
        e.sessionId = client.sessionId();
        e.digest = keyPackage.initKeyHash();
        e.lastResort = lastResort;
        e.keyPackage = keyPackage.keyPackage();
        e.uploadedAt = now;
        e.expiresAt = Conversions.seconds(keyPackage.expiresAt());
        return e;
    }
}
