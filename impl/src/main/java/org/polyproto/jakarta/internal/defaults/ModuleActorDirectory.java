package org.polyproto.jakarta.internal.defaults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.internal.service.Transactions;
import org.polyproto.jakarta.spi.Actor;
import org.polyproto.jakarta.spi.ActorDirectory;
import org.polyproto.jakarta.spi.storage.ActorStore;

/** The actors in the module's own table ({@link ActorStore}). */
@ApplicationScoped
public class ModuleActorDirectory implements ActorDirectory {

    @Inject
    ActorStore actors;
    @Inject
    Transactions transactions;

    @Override
    public Optional<Actor> find(FederationId fid) {
        return transactions.call(() -> actors.find(fid)).map(record -> new Actor(record.fid()));
    }
}
