package org.polyproto.jakarta.it.host;

import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Test-only: a visible domain that serves nothing but {@code .well-known/polyproto-core}. {@code wk-good} names the
 * API of {@link HostileV1HomeServer}'s {@code v1-wk} (the home server of {@code v1wk.test}); {@code wk-wrong} names
 * the API of {@code v1-good}, whose certificate is another domain's.
 */
@Path("hostile/{mode}/.well-known/polyproto-core")
public class HostileWellKnown {

    public static final String WRONG_DOMAIN = "v1wkwrong.test";

    @GET
    public Response discovery(@PathParam("mode") String mode, @Context UriInfo uri) {
        String actual = switch (mode) {
            case "wk-good" -> "v1-wk";
            case "wk-wrong" -> "v1-good";
            default -> null;
        };
        if (actual == null) {
            return Response.status(404).build();
        }
        return Response.ok(Json.createObjectBuilder().add("api", uri.getBaseUri().resolve("hostile/" + actual
                + "/.p2/core/").toString()).build().toString(), MediaType.APPLICATION_JSON).build();
    }
}
