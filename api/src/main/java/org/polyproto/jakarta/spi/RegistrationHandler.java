package org.polyproto.jakarta.spi;

import jakarta.json.JsonObject;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;

/**
 * Takes part in registration and in the first authentication of an actor ({@code session/trust}), using the
 * request's implementation-specific {@code auth_payload}. The default accepts every registration, adds no payload,
 * and approves no trust request that comes without a password.
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
     * Decides a {@code session/trust} request for an actor that cannot be checked by password (registered without
     * one, or the request has none).
     *
     * @return true to issue the ID-Cert
     */
    boolean approveTrust(FederationId fid, JsonObject authPayload);
}
