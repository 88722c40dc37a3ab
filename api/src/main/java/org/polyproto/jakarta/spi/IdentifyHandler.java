package org.polyproto.jakarta.spi;

import jakarta.json.JsonObject;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;

/**
 * Takes part in {@code session/identify} once the actor has proved its identity. The default adds no payload.
 *
 * @since 0.1
 */
public interface IdentifyHandler {

    /**
     * Called after every check has passed and before the session is opened. Throw a
     * {@link org.polyproto.jakarta.api.PolyprotoException} to refuse; no session is opened then.
     *
     * @param fid the actor, of this server or of another
     * @param sessionId the session ID of its ID-Cert
     * @param authPayload the request's {@code auth_payload}, empty if it had none
     * @return the {@code payload} for the response, if any
     */
    Optional<JsonObject> onIdentify(FederationId fid, String sessionId, JsonObject authPayload);
}
