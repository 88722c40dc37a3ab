package org.polyproto.jakarta.spi.storage;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A gateway event queued for a client: {@code {"n": namespace, "op": op, "t": type, "d": data}}.
 *
 * @param namespace {@code core} or {@code mls}
 * @param op the opcode within the namespace
 * @param type the event name, e.g. {@code NEW_SESSION}
 * @param data the payload
 * @since 0.1
 */
public record Event(String namespace, int op, String type, JsonObject data) {
    public Event {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
