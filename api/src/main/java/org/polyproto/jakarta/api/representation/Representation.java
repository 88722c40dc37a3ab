package org.polyproto.jakarta.api.representation;

import jakarta.json.JsonValue;

/**
 * A body the module sends on the wire. Representations write themselves with JSON-P, so a host's JSON-B
 * configuration (naming strategies, adapters) never changes the wire format.
 *
 * @since 0.1
 */
public interface Representation {

    /** This representation as the JSON the contract prescribes. */
    JsonValue toJson();
}
