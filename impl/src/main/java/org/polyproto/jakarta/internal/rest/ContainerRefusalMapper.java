package org.polyproto.jakarta.internal.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.representation.ErrorRepresentation;

/**
 * The JAX-RS runtime's own refusals of a request under the module's paths (no such route, a method the route does
 * not have, a media type it cannot read or write, a header it cannot parse), as the contract's envelope. The runtime
 * raises them as a {@link WebApplicationException} without an entity, before any resource runs. On every other path
 * the exception's own response goes out unchanged, exactly as with no mapper, so the host's routes keep the
 * container's answers; and the feature registers this mapper below the default priority, so that a host's own
 * mapper of these exceptions wins.
 */
public class ContainerRefusalMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, Refusal> REFUSALS = Map.of(
            400, new Refusal(ErrorCode.BAD_REQUEST, "The request could not be read."),
            404, new Refusal(ErrorCode.NOT_FOUND, "There is no such route."),
            405, new Refusal(ErrorCode.METHOD_NOT_ALLOWED, "This route does not take this method."),
            406, new Refusal(ErrorCode.NOT_ACCEPTABLE, "This route answers application/json only."),
            415, new Refusal(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "This route cannot read this media type."));

    private record Refusal(ErrorCode code, String message) {
    }

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        Refusal refusal = REFUSALS.get(original.getStatus());
        if (refusal == null || !PolyprotoPaths.isModulePath(uri.getPath())) {
            return original;
        }
        Response.ResponseBuilder response = Response.status(original.getStatus())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorRepresentation(original.getStatus(),
                        refusal.code().wireName(), refusal.message()).toJson().toString());
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }
}
