package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.entity.KeyMaterialEntity;
import org.polyproto.jakarta.spi.storage.EncryptedKeyMaterial;
import org.polyproto.jakarta.spi.storage.KeyMaterialStore;

/**
 * Encrypted private key material in {@code p2_key_material}, unique per server, actor and serial. The module calls
 * it under the actor's lock, so the existence check before an insert does not race; the unique key backs it up.
 */
@ApplicationScoped
@StorageOperation
public class JpaKeyMaterialStore implements KeyMaterialStore {

    private static final String ACTOR = " k.serverDomain = :server and k.fid = :fid";

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    ServerScope scope;

    @Override
    public boolean add(FederationId fid, EncryptedKeyMaterial material) {
        BigInteger serial = Conversions.serial(material.serial());
        boolean held = !em.createQuery("select k.id from KeyMaterialEntity k where" + ACTOR
                        + " and k.serial = :serial", Long.class)
                .setParameter("server", scope.domain()).setParameter("fid", fid.toString())
                .setParameter("serial", serial).setMaxResults(1).getResultList().isEmpty();
        if (held) {
            return false;
        }
        KeyMaterialEntity e = new KeyMaterialEntity();
        e.id = Clients.newId();
        e.serverDomain = scope.domain();
        e.fid = fid.toString();
        e.serial = serial;
        e.keyData = material.keyData();
        e.storedAt = Instant.now().getEpochSecond();
        em.persist(e);
        return true;
    }

    @Override
    @ReadOnly
    public long size(FederationId fid) {
        Long size = em.createQuery("select sum(length(k.keyData)) from KeyMaterialEntity k where" + ACTOR,
                        Long.class)
                .setParameter("server", scope.domain()).setParameter("fid", fid.toString()).getSingleResult();
        return size == null ? 0 : size;
    }

    @Override
    @ReadOnly
    public List<EncryptedKeyMaterial> find(FederationId fid, Set<BigInteger> serials) {
        List<BigInteger> asked = storable(serials);
        if (!serials.isEmpty() && asked.isEmpty()) {
            return List.of();
        }
        String filter = serials.isEmpty() ? "" : " and k.serial in :serials";
        var query = em.createQuery("select k from KeyMaterialEntity k where" + ACTOR + filter
                        + " order by k.serial", KeyMaterialEntity.class)
                .setParameter("server", scope.domain()).setParameter("fid", fid.toString());
        if (!serials.isEmpty()) {
            query.setParameter("serials", asked);
        }
        return query.getResultStream().map(e -> new EncryptedKeyMaterial(e.serial, e.keyData)).toList();
    }

    @Override
    public int remove(FederationId fid, Set<BigInteger> serials) {
        List<BigInteger> asked = storable(serials);
        if (asked.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from KeyMaterialEntity k where" + ACTOR + " and k.serial in :serials")
                .setParameter("server", scope.domain()).setParameter("fid", fid.toString())
                .setParameter("serials", asked).executeUpdate();
    }

    private static List<BigInteger> storable(Set<BigInteger> serials) {
        return serials.stream().filter(Conversions::isStorableSerial).toList();
    }
}
