package org.polyproto.jakarta.it;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import org.polyproto.jakarta.spi.PolyprotoStorage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only host resource, added to the test deployments: the row counts of the module's tables, so that a test
 * can show that a failed request persisted nothing. Reads the real database through the module's EntityManager.
 */
@Path("test-probe")
@RequestScoped
public class ProbeResource {

    static final String[] TABLES = {"p2_actor", "p2_id_cert", "p2_challenge", "p2_session", "p2_server_key",
            "p2_key_package", "p2_event"};

    @Inject
    @PolyprotoStorage
    EntityManager em;

    @GET
    @Path("counts")
    @Produces(MediaType.APPLICATION_JSON)
    public String counts() {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        for (String table : TABLES) {
            Number n = (Number) em.createNativeQuery("select count(*) from " + table).getSingleResult();
            counts.add(table, n.longValue());
        }
        return counts.build().toString();
    }
}
