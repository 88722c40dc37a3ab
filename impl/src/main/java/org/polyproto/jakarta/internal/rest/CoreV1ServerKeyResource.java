package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.polyproto.jakarta.internal.service.SensitiveActions;
import org.polyproto.jakarta.spi.SensitiveAction;

/**
 * {@code .p2/core/v1/key/server}: rotation of the server's identity key by an administrator, answering the new
 * certificate as a JSON string. {@code POST} (the OpenAPI text) is a sensitive action; {@code PUT} (what
 * polyproto-rs 0.11 sends, without the header) is the seed's rotation.
 */
@Path(".p2/core/v1/key/server")
@ApplicationScoped
@PolyprotoEndpoint
public class CoreV1ServerKeyResource {

    @Inject
    ServerKeyResource seed;
    @Inject
    SensitiveActions sensitiveActions;

    @PUT
    @TokenRequired
    public Response rotate(@Context SecurityContext security) {
        return seed.rotate(security);
    }

    @POST
    @TokenRequired
    public Response rotateSensitive(@Context SecurityContext security,
                                    @HeaderParam(SensitiveActions.HEADER) String solution) {
        seed.requireAdministrator(security);
        sensitiveActions.require(SessionPrincipal.of(security).fid(), SensitiveAction.ROTATE_SERVER_KEY, solution);
        return seed.rotate(security);
    }
}
