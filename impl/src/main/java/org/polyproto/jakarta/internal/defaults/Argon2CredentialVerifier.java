package org.polyproto.jakarta.internal.defaults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.internal.crypto.PasswordHasher;
import org.polyproto.jakarta.internal.service.Secrets;
import org.polyproto.jakarta.internal.service.Transactions;
import org.polyproto.jakarta.spi.CredentialVerifier;
import org.polyproto.jakarta.spi.storage.ActorRecord;
import org.polyproto.jakarta.spi.storage.ActorStore;

/**
 * Checks the Argon2id hash in the module's own table; an unknown actor, or one registered without a password,
 * costs one hash against a dummy, like a wrong password.
 */
@ApplicationScoped
public class Argon2CredentialVerifier implements CredentialVerifier {

    @Inject
    ActorStore actors;
    @Inject
    Secrets secrets;
    @Inject
    Transactions transactions;

    @Override
    public boolean verify(FederationId fid, String password, JsonObject authPayload) {
        Optional<String> hash = transactions.call(() -> actors.find(fid)).flatMap(ActorRecord::passwordHash);
        PasswordHasher hasher = secrets.passwordHasher();
        if (hash.isEmpty()) {
            hasher.verifyAgainstDummy(password);
            return false;
        }
        return hasher.verify(password, hash.get());
    }
}
