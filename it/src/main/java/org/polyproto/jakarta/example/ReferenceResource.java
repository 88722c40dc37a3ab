package org.polyproto.jakarta.example;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The floor of one JAX-RS request on this server, for the load run: a constant JSON document of a challenge's size,
 * answered by a host resource with no filter, no store and no work. {@code GET challenge} is measured against it.
 */
@Path("reference")
public class ReferenceResource {

    static final String DOCUMENT = "{\"challenge\":\"" + "C".repeat(64)
            + "\",\"lifetime_unix\":\"1800000000\",\"expires\":1800000000}";

    @GET
    public Response constant() {
        return Response.ok(DOCUMENT, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
