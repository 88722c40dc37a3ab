package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import org.polyproto.jakarta.internal.service.KeyPackages;
import org.polyproto.jakarta.spi.storage.ClaimedKeyPackage;

/** {@code p2core/keypackage/*}: upload for the token's client, and hand-out per client of an actor. */
@Path("p2core/keypackage")
@ApplicationScoped
@PolyprotoEndpoint
@TokenRequired
public class KeyPackageResource {

    @Inject
    KeyPackages keyPackages;

    @POST
    @Path("@me")
    public Response upload(@Context SecurityContext security, byte[] body) {
        JsonValue json = JsonBody.parseValue(body);
        if (!(json instanceof JsonArray array)) {
            throw JsonBody.badRequest("The body must be a JSON array of KeyPackages.");
        }
        List<String> packages = new ArrayList<>(array.size());
        for (JsonValue value : array) {
            packages.add(KeyPackageBodies.of(value));
        }
        keyPackages.upload(SessionPrincipal.of(security), packages);
        return Response.status(201).build();
    }

    /** {@code HEAD} would run the consuming {@code GET} and throw its answer away: only {@code GET} consumes. */
    @jakarta.ws.rs.HEAD
    @Path("{fid}")
    public Response head() {
        return Responses.notConsumingOnHead();
    }

    @GET
    @Path("{fid}")
    public Response fetch(@Context SecurityContext security, @PathParam("fid") String fid) {
        return Responses.jsonStrings(keyPackages.fetch(SessionPrincipal.of(security).fid(), fid).stream()
                .map(ClaimedKeyPackage::keyPackage).toList());
    }
}
