package org.polyproto.jakarta.api.representation;

import jakarta.json.spi.JsonProvider;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The error envelope {@code {"errcode": 409, "error": "P2CORE_FEDERATION_ID_TAKEN", "message": "..."}}.
 *
 * @since 0.1
 */
public record ErrorRepresentation(int errcode, String error, String message) implements Representation {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("errcode", errcode)
                .add("error", error)
                .add("message", message == null ? "" : message)
                .build();
    }
}
