package org.polyproto.jakarta.api.representation;

import jakarta.json.spi.JsonProvider;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Answer to {@code POST p2core/session/trust} and {@code POST p2core/session/idcert}:
 * {@code {"id_cert": "<PEM>", "token": "..."}}.
 *
 * @since 0.1
 */
public record IssuedIdCertRepresentation(String idCert, String token) implements Representation {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public JsonObject toJson() {
        return JSON.createObjectBuilder().add("id_cert", idCert).add("token", token).build();
    }
}
