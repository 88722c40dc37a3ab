package org.polyproto.jakarta.api.representation;

import jakarta.json.spi.JsonProvider;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Answer to {@code GET p2core/challenge}. The expiry is sent twice: as the seed's string {@code lifetime_unix} and
 * as the number {@code expires}.
 *
 * @param challenge 64 characters of {@code [A-Za-z0-9]}
 * @param expiresAtUnix the UNIX second after which the challenge is refused
 * @since 0.1
 */
public record ChallengeRepresentation(String challenge, long expiresAtUnix) implements Representation {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("challenge", challenge)
                .add("lifetime_unix", Long.toString(expiresAtUnix))
                .add("expires", expiresAtUnix)
                .build();
    }
}
