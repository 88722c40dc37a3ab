package org.polyproto.jakarta.example;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** The host publishes the module's OpenAPI 3.1 document, shipped in the impl jar, at {@code api/openapi}. */
@Path("openapi")
public class OpenApiResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        InputStream document = OpenApiResource.class.getResourceAsStream("/META-INF/polyproto/openapi.json");
        return document == null ? Response.status(404).build() : Response.ok(document).build();
    }
}
