package org.polyproto.jakarta.internal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.service.KeyMaterials;
import org.polyproto.jakarta.internal.service.Transactions;

/**
 * {@code .p2/core/v1/session/keymaterial}: an actor's encrypted private key material, uploaded, fetched and deleted
 * with its session token; {@code size} tells anyone the upload limit (as a JSON number and in
 * {@code X-MAX-PAYLOAD-SIZE}). Deleting is not a sensitive action here: polyproto-rs 0.11 sends no solution.
 */
@Path(".p2/core/v1/session/keymaterial")
@ApplicationScoped
@PolyprotoEndpoint
public class CoreV1KeyMaterialResource {

    static final String SIZE_HEADER = "X-MAX-PAYLOAD-SIZE";

    @Inject
    KeyMaterials keyMaterials;
    @Inject
    PolyprotoConfig config;

    @POST
    @TokenRequired
    public Response upload(@Context SecurityContext security, byte[] body) {
        if (body.length > config.protocol().keyMaterialUploadSize()) {
            throw new PolyprotoException(ErrorCode.PAYLOAD_TOO_LARGE, "An upload has at most "
                    + config.protocol().keyMaterialUploadSize() + " bytes.");
        }
        var items = KeyMaterialBodies.items(body);
        Transactions.retriedOnConflict(() -> {
            keyMaterials.upload(SessionPrincipal.of(security).fid(), items);
            return null;
        });
        return Response.status(201).build();
    }

    @GET
    @TokenRequired
    public Response find(@Context SecurityContext security, @QueryParam("serials") List<String> serials,
                         byte[] body) {
        return Responses.json(200, KeyMaterialBodies.json(keyMaterials.find(SessionPrincipal.of(security).fid(),
                KeyMaterialBodies.serials(serials, body))));
    }

    @DELETE
    @TokenRequired
    public Response delete(@Context SecurityContext security, @QueryParam("serials") List<String> serials,
                           byte[] body) {
        keyMaterials.delete(SessionPrincipal.of(security).fid(), KeyMaterialBodies.serials(serials, body));
        return Response.noContent().build();
    }

    @GET
    @Path("size")
    public Response size() {
        int limit = config.protocol().keyMaterialUploadSize();
        return Response.fromResponse(Responses.json(200, JsonProvider.provider().createValue(limit)))
                .header(SIZE_HEADER, limit).build();
    }
}
