package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.entity.ServiceEntity;
import org.polyproto.jakarta.spi.storage.DiscoverableService;
import org.polyproto.jakarta.spi.storage.ServiceStore;

/**
 * Discoverable services in {@code p2_service}, unique per server, actor and digest of name and URL. The module calls
 * it under the actor's lock, so the order number {@code max + 1} and the existence check do not race.
 */
@ApplicationScoped
@StorageOperation
public class JpaServiceStore implements ServiceStore {

    private static final String ACTOR = " s.serverDomain = :server and s.fid = :fid";

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    ServerScope scope;

    @Override
    @ReadOnly
    public List<DiscoverableService> find(FederationId fid) {
        // Scalars, not entities: read from the rows even after a bulk update in the same transaction
        return em.createQuery("select s.name, s.url, s.primary from ServiceEntity s where" + ACTOR
                        + " order by s.name, s.primary desc, s.listOrder", Object[].class)
                .setParameter("server", scope.domain()).setParameter("fid", fid.toString())
                .getResultStream().map(r -> new DiscoverableService((String) r[0], (String) r[1], (Boolean) r[2]))
                .toList();
    }

    @Override
    public boolean add(FederationId fid, DiscoverableService service) {
        String digest = digest(service.name(), service.url());
        boolean listed = !em.createQuery("select s.id from ServiceEntity s where" + ACTOR + " and s.digest = :d",
                        Long.class)
                .setParameter("server", scope.domain()).setParameter("fid", fid.toString())
                .setParameter("d", digest).setMaxResults(1).getResultList().isEmpty();
        if (listed) {
            return false;
        }
        Long last = em.createQuery("select max(s.listOrder) from ServiceEntity s where" + ACTOR, Long.class)
                .setParameter("server", scope.domain()).setParameter("fid", fid.toString()).getSingleResult();
        ServiceEntity e = new ServiceEntity();
        e.id = Clients.newId();
        e.serverDomain = scope.domain();
        e.fid = fid.toString();
        e.name = service.name();
        e.url = service.url();
        e.digest = digest;
        e.primary = service.primary();
        e.listOrder = last == null ? 1 : last + 1;
        em.persist(e);
        return true;
    }

    @Override
    public boolean remove(FederationId fid, String name, String url) {
        return em.createQuery("delete from ServiceEntity s where" + ACTOR + " and s.digest = :d")
                .setParameter("server", scope.domain()).setParameter("fid", fid.toString())
                .setParameter("d", digest(name, url)).executeUpdate() == 1;
    }

    @Override
    public boolean setPrimary(FederationId fid, String name, String url, boolean primary) {
        return em.createQuery("update ServiceEntity s set s.primary = :p where" + ACTOR + " and s.digest = :d")
                .setParameter("p", primary).setParameter("server", scope.domain())
                .setParameter("fid", fid.toString()).setParameter("d", digest(name, url)).executeUpdate() == 1;
    }

    private static String digest(String name, String url) {
        return Clients.sha256(name + "\n" + url);
    }
}
