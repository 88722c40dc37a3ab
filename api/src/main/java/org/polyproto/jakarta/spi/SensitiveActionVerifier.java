package org.polyproto.jakarta.spi;

import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.Incubating;

/**
 * Checks the second factor that a sensitive action carries in {@code X-P2-Sensitive-Solution} (polyproto-core v1
 * §4.2): a TOTP code, a password, whatever the host's users hold. The module calls it only with a solution that is
 * present and at most 1,024 characters; a missing header is refused before. A refusal changes nothing.
 * <p>
 * The default checks the actor's password with the {@link CredentialVerifier}, counted by the same brute-force lock
 * as {@code session/trust} and answering in the same time whether right or wrong. A host whose actors have no
 * password here (its own directory without a verifier) implements this interface, or every sensitive action is
 * refused.
 * <p>
 * Called outside any transaction of the module, concurrently, after the bearer token was checked: {@code actor} is
 * the token's actor, which may be a foreign actor with a session here.
 *
 * @since 0.4
 */
@Incubating
public interface SensitiveActionVerifier {

    /** Whether {@code solution} lets {@code actor} take {@code action} now. */
    boolean verify(FederationId actor, SensitiveAction action, String solution);
}
