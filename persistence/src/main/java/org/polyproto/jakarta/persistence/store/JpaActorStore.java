package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.entity.ActorEntity;
import org.polyproto.jakarta.spi.Actor;
import org.polyproto.jakarta.spi.ActorStore;

/** Actors in {@code p2_actor}; the primary key on the Federation ID makes registration race-free. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@StorageOperation
public class JpaActorStore implements ActorStore {

    @Inject
    @PolyprotoStorage
    EntityManager em;

    @Override
    public void create(Actor actor) {
        ActorEntity entity = new ActorEntity();
        entity.fid = actor.fid().toString();
        entity.passwordHash = actor.passwordHash().orElse(null);
        entity.registeredAt = Conversions.seconds(actor.registeredAt());
        em.persist(entity);
    }

    @Override
    public Optional<Actor> find(FederationId fid) {
        return Optional.ofNullable(em.find(ActorEntity.class, fid.toString())).map(JpaActorStore::toActor);
    }

    @Override
    public Optional<Actor> lock(FederationId fid) {
        return Optional.ofNullable(em.find(ActorEntity.class, fid.toString(), LockModeType.PESSIMISTIC_WRITE))
                .map(JpaActorStore::toActor);
    }

    private static Actor toActor(ActorEntity e) {
        return new Actor(FederationId.parse(e.fid), Optional.ofNullable(e.passwordHash),
                Conversions.instant(e.registeredAt));
    }
}
