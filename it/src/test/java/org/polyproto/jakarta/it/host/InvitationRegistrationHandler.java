package org.polyproto.jakarta.it.host;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.spi.RegistrationHandler;
import org.polyproto.jakarta.spi.TrustDecision;

/** A host's handler as an enabled alternative: CDI prefers it over the module's default. */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class InvitationRegistrationHandler implements RegistrationHandler {

    @Override
    public Optional<JsonObject> onRegister(FederationId fid, boolean hasPassword, JsonObject authPayload) {
        if (fid.localName().startsWith("closed-")) {
            throw new PolyprotoException(403, "HOST_REGISTRATION_CLOSED", "Registration is closed for this name.");
        }
        return Optional.of(Json.createObjectBuilder().add("welcome", fid.toString()).build());
    }

    /** A verified password, or an invitation instead of one. */
    @Override
    public TrustDecision onTrust(FederationId fid, boolean passwordVerified, JsonObject authPayload) {
        return passwordVerified || "letmein".equals(authPayload.getString("invite", null)) ? TrustDecision.granted()
                : TrustDecision.refused();
    }
}
