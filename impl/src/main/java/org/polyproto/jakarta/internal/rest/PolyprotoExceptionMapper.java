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
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorRepresentation(e.status(), e.code(), e.getMessage()).toJson().toString());
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        e.retryAfterSeconds().ifPresent(s -> response.header(HttpHeaders.RETRY_AFTER, s));
        return response.build();
    }
}
