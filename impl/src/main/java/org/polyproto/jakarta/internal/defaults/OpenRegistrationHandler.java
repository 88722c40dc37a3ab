package org.polyproto.jakarta.internal.defaults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.RegistrationHandler;

/** Accepts every registration, adds no payload, and approves no trust request without a password. */
@ApplicationScoped
public class OpenRegistrationHandler implements RegistrationHandler {

    @Override
    public Optional<JsonObject> onRegister(FederationId fid, boolean hasPassword, JsonObject authPayload) {
        return Optional.empty();
    }

    @Override
    public boolean approveTrust(FederationId fid, JsonObject authPayload) {
        return false;
    }
}
