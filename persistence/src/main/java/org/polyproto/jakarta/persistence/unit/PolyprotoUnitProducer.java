package org.polyproto.jakarta.persistence.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.polyproto.jakarta.persistence.PolyprotoStorage;

/**
 * Hands the stores the module's own persistence unit {@code polyproto}. Left out of the {@code entities} variant
 * of this jar, where the host produces the {@link PolyprotoStorage} EntityManager from its own unit.
 */
@ApplicationScoped
public class PolyprotoUnitProducer {

    @PersistenceContext(unitName = "polyproto")
    EntityManager em;

    @Produces
    @PolyprotoStorage
    EntityManager polyprotoStorage() {
        return em;
    }
}
