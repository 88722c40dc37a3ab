package org.polyproto.jakarta.internal.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.ErrorRepresentation;

/** Writes a {@link PolyprotoException} as the contract's error envelope. Maps nothing else. */
public class PolyprotoExceptionMapper implements ExceptionMapper<PolyprotoException> {

    @Override
    public Response toResponse(PolyprotoException e) {
        return toResponse(e.status(), e.code(), e.getMessage(), e);
    }

    static Response toResponse(int status, String code, String message, PolyprotoException e) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorRepresentation(status, code, message).toJson().toString());
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e != null) {
            e.retryAfterSeconds().ifPresent(s -> response.header(HttpHeaders.RETRY_AFTER, s));
        }
        return response.build();
    }
}
