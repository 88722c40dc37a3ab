package org.polyproto.jakarta.api.representation;

import jakarta.json.spi.JsonProvider;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Answer to {@code POST p2core/session/identify}: {@code {"token": "...", "payload": {...}}}.
 *
 * @param token the bearer token of the new session
 * @param payload what the identify handler added, or null
 * @since 0.1
 */
public record SessionTokenRepresentation(String token, JsonObject payload) implements Representation {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("token", token);
        if (payload != null) {
            json.add("payload", payload);
        }
        return json.build();
    }
}
