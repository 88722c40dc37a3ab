package org.polyproto.jakarta.api.representation;

import jakarta.json.spi.JsonProvider;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * One event of {@code GET p2core/events}: {@code {"n": "core", "op": 3, "t": "NEW_SESSION", "d": {...}, "s": 7}}.
 *
 * @param namespace {@code n}
 * @param op {@code op}
 * @param type {@code t}
 * @param data {@code d}
 * @param sequence {@code s}, increasing per session
 * @since 0.1
 */
public record EventRepresentation(String namespace, int op, String type, JsonObject data, long sequence)
        implements Representation {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public JsonObject toJson() {
        return JSON.createObjectBuilder().add("n", namespace).add("op", op).add("t", type).add("d", data)
                .add("s", sequence).build();
    }
}
