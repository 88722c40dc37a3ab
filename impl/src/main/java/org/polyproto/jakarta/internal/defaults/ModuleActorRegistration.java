package org.polyproto.jakarta.internal.defaults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.internal.service.PolyprotoClock;
import org.polyproto.jakarta.internal.service.Secrets;
import org.polyproto.jakarta.internal.service.Transactions;
import org.polyproto.jakarta.spi.ActorRegistration;
import org.polyproto.jakarta.spi.storage.ActorRecord;
import org.polyproto.jakarta.spi.storage.ActorStore;

/** Registers into the module's own table, the password as an Argon2id hash computed before the transaction. */
@ApplicationScoped
public class ModuleActorRegistration implements ActorRegistration {

    @Inject
    ActorStore actors;
    @Inject
    Secrets secrets;
    @Inject
    PolyprotoClock clock;
    @Inject
    Transactions transactions;

    @Override
    public void register(FederationId fid, Optional<String> password) {
        ActorRecord actor = new ActorRecord(fid, password.map(secrets.passwordHasher()::hash), clock.now());
        transactions.run(() -> actors.create(actor));
    }
}
