package org.polyproto.jakarta.internal.defaults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.IdentifyHandler;

/** Adds no payload to an identify answer. */
@ApplicationScoped
public class PlainIdentifyHandler implements IdentifyHandler {

    @Override
    public Optional<JsonObject> onIdentify(FederationId fid, String sessionId, JsonObject authPayload) {
        return Optional.empty();
    }
}
