package org.polyproto.jakarta.internal.defaults;

import org.polyproto.jakarta.internal.service.PolyprotoClock;
import org.polyproto.jakarta.internal.service.Secrets;
import org.polyproto.jakarta.internal.service.Transactions;
import org.polyproto.jakarta.spi.storage.ActorStore;

/** The module's default actor capabilities over one store, wired by hand for tests. */
public final class TestActors {

    private TestActors() {
    }

    public static ModuleActorDirectory directory(ActorStore store, Transactions transactions) {
        ModuleActorDirectory directory = new ModuleActorDirectory();
        directory.actors = store;
        directory.transactions = transactions;
        return directory;
    }

    public static ModuleActorRegistration registration(ActorStore store, Secrets secrets, PolyprotoClock clock,
                                                       Transactions transactions) {
        ModuleActorRegistration registration = new ModuleActorRegistration();
        registration.actors = store;
        registration.secrets = secrets;
        registration.clock = clock;
        registration.transactions = transactions;
        return registration;
    }

    public static Argon2CredentialVerifier verifier(ActorStore store, Secrets secrets, Transactions transactions) {
        Argon2CredentialVerifier verifier = new Argon2CredentialVerifier();
        verifier.actors = store;
        verifier.secrets = secrets;
        verifier.transactions = transactions;
        return verifier;
    }
}
