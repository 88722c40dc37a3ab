package org.polyproto.jakarta.internal.defaults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.RegistrationHandler;

/** Accepts every registration, adds no payload, and grants a trust request exactly when its password was verified. */
@ApplicationScoped
public class OpenRegistrationHandler implements RegistrationHandler {

    @Override
    public Optional<JsonObject> onRegister(FederationId fid, boolean hasPassword, JsonObject authPayload) {
        return Optional.empty();
    }
}
