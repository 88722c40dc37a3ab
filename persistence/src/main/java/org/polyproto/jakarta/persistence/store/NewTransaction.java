package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.function.Function;
import org.polyproto.jakarta.persistence.PolyprotoStorage;

/**
 * Runs work in a transaction of its own, suspending the caller's: the custody's first writes (the installation salt,
 * the first key) may lose a unique-key race to another node, and the loser must then read the winner's row in a
 * transaction the failure has not spoilt.
 */
@ApplicationScoped
public class NewTransaction {

    @Inject
    @PolyprotoStorage
    EntityManager em;

    /** Runs {@code work} with the module's EntityManager in a new transaction, committed when it returns. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T run(Function<EntityManager, T> work) {
        return work.apply(em);
    }
}
