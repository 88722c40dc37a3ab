package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.CredentialVerifier;

/**
 * An actor's password checked the one way the module checks passwords (trust, login, sensitive actions): the attempt
 * counted first ({@link PasswordAttempts}), the {@link CredentialVerifier} asked outside any transaction, and the
 * same work for a name that is no actor and for a locked actor as for a wrong password, so that neither the answer
 * nor its time tells them apart.
 */
@ApplicationScoped
public class PasswordCheck {

    @Inject
    ActorCapabilities capabilities;
    @Inject
    Secrets secrets;
    @Inject
    PasswordAttempts attempts;

    /**
     * Whether {@code password} is {@code fid}'s and {@code fid} is not locked. A locked actor's password is still
     * verified, so that its answer and its time are those of a wrong one, and then treated as wrong.
     *
     * @param known whether {@code fid} is an actor of the directory
     */
    public boolean matches(FederationId fid, boolean known, String password, JsonObject authPayload) {
        boolean admitted = known && attempts.admit(fid);
        if (!known) {
            attempts.askedForNoActor(fid);
        }
        boolean right = verify(fid, password, authPayload) && admitted;
        if (known && right) {
            attempts.succeeded(fid);
        }
        return right;
    }

    /** Without a verifier no password is ever right; the dummy hash keeps the time of a wrong one. */
    private boolean verify(FederationId fid, String password, JsonObject authPayload) {
        if (capabilities.verifier().isPresent()) {
            return capabilities.verifier().get().verify(fid, password, authPayload);
        }
        secrets.passwordHasher().verifyAgainstDummy(password);
        return false;
    }
}
