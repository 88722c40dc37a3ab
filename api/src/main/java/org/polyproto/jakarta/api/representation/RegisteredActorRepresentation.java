package org.polyproto.jakarta.api.representation;

import jakarta.json.spi.JsonProvider;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Answer to {@code POST p2core/register}: {@code {"fid": "alice@example.com", "payload": {...}}}.
 *
 * @param fid the new actor's Federation ID
 * @param payload what the registration handler added, or null
 * @since 0.1
 */
public record RegisteredActorRepresentation(String fid, JsonObject payload) implements Representation {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("fid", fid);
        if (payload != null) {
            json.add("payload", payload);
        }
        return json.build();
    }
}
