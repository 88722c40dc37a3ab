package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.entity.ActorEntity;
import org.polyproto.jakarta.spi.storage.ActorRecord;
import org.polyproto.jakarta.spi.storage.ActorStore;

/** Actors in {@code p2_actor}; the primary key on the Federation ID makes registration race-free. */
@ApplicationScoped
@StorageOperation
public class JpaActorStore implements ActorStore {

    @Inject
    @PolyprotoStorage
    EntityManager em;

    @Override
    public void create(ActorRecord actor) {
        ActorEntity entity = new ActorEntity();
        entity.fid = actor.fid().toString();
        entity.passwordHash = actor.passwordHash().orElse(null);
        entity.registeredAt = Conversions.seconds(actor.registeredAt());
        em.persist(entity);
    }

    @Override
    @ReadOnly
    public Optional<ActorRecord> find(FederationId fid) {
        return Optional.ofNullable(em.find(ActorEntity.class, fid.toString())).map(JpaActorStore::toRecord);
    }

    private static ActorRecord toRecord(ActorEntity e) {
        return new ActorRecord(FederationId.parse(e.fid), Optional.ofNullable(e.passwordHash),
                Conversions.instant(e.registeredAt));
    }
}
