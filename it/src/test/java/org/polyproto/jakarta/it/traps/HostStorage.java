package org.polyproto.jakarta.it.traps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.polyproto.jakarta.persistence.PolyprotoStorage;

/** The host hands the module its own (only) persistence unit. */
@ApplicationScoped
public class HostStorage {

    @PersistenceContext
    EntityManager em;

    @Produces
    @PolyprotoStorage
    EntityManager polyprotoStorage() {
        return em;
    }
}
