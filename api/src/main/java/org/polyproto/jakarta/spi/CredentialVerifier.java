package org.polyproto.jakarta.spi;

import jakarta.json.JsonObject;
import org.polyproto.jakarta.api.FederationId;

/**
 * Checks an actor's password for {@code session/trust}, the way the host stores it (Keycloak's
 * {@code CredentialInputValidator}). The default checks the Argon2id hash in the module's own actor table.
 * <p>
 * The answer must take about as long for an unknown actor as for a known one with a wrong password (verify against
 * a dummy hash), so that the route does not tell which names exist. Called outside any transaction of the module,
 * concurrently; a slow hash should bound its own concurrency, as the default does with its Argon2 bulkhead
 * ({@code polyproto.password.max-concurrent}).
 *
 * @since 0.2
 */
public interface CredentialVerifier {

    /**
     * Whether {@code password} is the password of {@code fid}.
     *
     * @param authPayload the request's {@code auth_payload}, empty if it had none; the final decision on it is
     *                    {@link RegistrationHandler#onTrust}'s
     */
    boolean verify(FederationId fid, String password, JsonObject authPayload);
}
