package org.polyproto.jakarta.spi;

import jakarta.json.JsonObject;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;

/**
 * Takes part in registration and in the first authentication of an actor ({@code session/trust}), using the
 * request's implementation-specific {@code auth_payload}. The default accepts every registration, adds no payload,
 * and grants a trust request exactly when its password was verified.
 *
 * @since 0.1
 */
public interface RegistrationHandler {

    /**
     * Called before a new actor is stored. Throw a {@link org.polyproto.jakarta.api.PolyprotoException} to refuse
     * the registration; nothing is stored then.
     *
     * @param fid the Federation ID the actor will get
     * @param hasPassword whether the request carried a password
     * @param authPayload the request's {@code auth_payload}, empty if it had none
     * @return the {@code payload} for the response, if any
     */
    Optional<JsonObject> onRegister(FederationId fid, boolean hasPassword, JsonObject authPayload);

    /**
     * Decides a {@code session/trust} request for an existing actor of this server, once its password (if the
     * request had one) was checked by the {@link CredentialVerifier}: a host may require a second factor in
     * {@code auth_payload} next to the password, or approve a password-less request by invitation. The default
     * grants exactly the requests whose password was verified. Never asked for an actor the
     * {@link ActorDirectory} does not know: those are refused.
     *
     * @param passwordVerified whether the request carried a password and it was the actor's
     * @param authPayload the request's {@code auth_payload}, empty if it had none
     * @since 0.2 (replaces {@code approveTrust})
     */
    default TrustDecision onTrust(FederationId fid, boolean passwordVerified, JsonObject authPayload) {
        return passwordVerified ? TrustDecision.granted() : TrustDecision.refused();
    }
}
