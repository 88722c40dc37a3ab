package org.polyproto.jakarta.internal.rest;

import jakarta.json.spi.JsonProvider;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import org.polyproto.jakarta.api.representation.Representation;

/**
 * Builds responses with the JSON already written, so that no host message body writer or JSON-B setting can
 * change the wire format.
 */
final class Responses {

    private static final JsonProvider JSON = JsonProvider.provider();

    private Responses() {
    }

    static Response json(int status, JsonValue body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }

    static Response json(int status, Representation body) {
        return json(status, body.toJson());
    }

    static Response jsonString(String value) {
        return json(200, JSON.createValue(value));
    }

    static Response jsonStrings(Collection<String> values) {
        return json(200, JSON.createArrayBuilder(values).build());
    }

    /** 405 for {@code HEAD} on a route whose {@code GET} consumes what it answers. */
    static Response notConsumingOnHead() {
        return Response.fromResponse(new PolyprotoExceptionMapper().toResponse(new org.polyproto.jakarta.api
                .PolyprotoException(405, "P2CORE_METHOD_NOT_ALLOWED", "Use GET; HEAD would consume the answer.")))
                .header(jakarta.ws.rs.core.HttpHeaders.ALLOW, "GET").build();
    }
}
