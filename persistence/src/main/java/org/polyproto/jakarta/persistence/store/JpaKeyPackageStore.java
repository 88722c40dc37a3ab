package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.entity.KeyPackageEntity;
import org.polyproto.jakarta.spi.storage.ClaimedKeyPackage;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.KeyPackageStore;

/**
 * KeyPackages in {@code p2_key_package}. A claim deletes the row it picked and only counts it as taken when the
 * delete removed it; a concurrent claimer that lost the row moves on to the next one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@StorageOperation
public class JpaKeyPackageStore implements KeyPackageStore {

    private static final String CLIENT = " p.serverDomain = :server and p.fid = :fid and p.sessionId = :sid";

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    ServerScope scope;

    @Override
    public int add(ClientId client, List<String> keyPackages) {
        int added = 0;
        long now = Instant.now().getEpochSecond();
        for (String keyPackage : new LinkedHashSet<>(keyPackages)) {
            String digest = Clients.sha256(keyPackage);
            boolean known = !em.createQuery("select p.id from KeyPackageEntity p where" + CLIENT
                            + " and p.digest = :digest", Long.class)
                    .setParameter("server", scope.domain()).setParameter("fid", client.fid().toString())
                    .setParameter("sid", client.sessionId())
                    .setParameter("digest", digest).setMaxResults(1).getResultList().isEmpty();
            if (!known) {
                em.persist(entity(client, keyPackage, digest, false, now));
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

    @Override
    public void putLastResort(ClientId client, String keyPackage) {
        em.createQuery("delete from KeyPackageEntity p where" + CLIENT + " and (p.lastResort = true"
                        + " or p.digest = :digest)")
                .setParameter("server", scope.domain()).setParameter("fid", client.fid().toString())
                    .setParameter("sid", client.sessionId())
                .setParameter("digest", Clients.sha256(keyPackage)).executeUpdate();
        em.persist(entity(client, keyPackage, Clients.sha256(keyPackage), true, Instant.now().getEpochSecond()));
    }

    @Override
    public Optional<ClaimedKeyPackage> claim(ClientId client) {
        while (true) {
            List<KeyPackageEntity> next = em.createQuery("select p from KeyPackageEntity p where" + CLIENT
                            + " and p.lastResort = false order by p.uploadedAt, p.id", KeyPackageEntity.class)
                    .setParameter("server", scope.domain()).setParameter("fid", client.fid().toString())
                    .setParameter("sid", client.sessionId())
                    .setMaxResults(1).getResultList();
            if (next.isEmpty()) {
                return lastResort(client);
            }
            KeyPackageEntity candidate = next.get(0);
            em.detach(candidate);
            int deleted = em.createQuery("delete from KeyPackageEntity p where p.id = :id")
                    .setParameter("id", candidate.id).executeUpdate();
            if (deleted == 1) {
                return Optional.of(new ClaimedKeyPackage(candidate.keyPackage, false, countRegular(client)));
            }
        }
    }

    @Override
    public void removeAll(ClientId client) {
        em.createQuery("delete from KeyPackageEntity p where" + CLIENT)
                .setParameter("server", scope.domain()).setParameter("fid", client.fid().toString())
                    .setParameter("sid", client.sessionId()).executeUpdate();
    }

    private Optional<ClaimedKeyPackage> lastResort(ClientId client) {
        return em.createQuery("select p.keyPackage from KeyPackageEntity p where" + CLIENT
                        + " and p.lastResort = true", String.class)
                .setParameter("server", scope.domain()).setParameter("fid", client.fid().toString())
                    .setParameter("sid", client.sessionId())
                .setMaxResults(1).getResultStream().findFirst().map(kp -> new ClaimedKeyPackage(kp, true, 0));
    }

    private KeyPackageEntity entity(ClientId client, String keyPackage, String digest, boolean lastResort,
                                           long now) {
        KeyPackageEntity e = new KeyPackageEntity();
        e.id = Clients.newId();
        e.serverDomain = scope.domain();
        e.fid = client.fid().toString();
        e.sessionId = client.sessionId();
        e.digest = digest;
        e.lastResort = lastResort;
        e.keyPackage = keyPackage;
        e.uploadedAt = now;
        return e;
    }
}
