package org.polyproto.jakarta.internal.defaults;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.internal.service.PasswordCheck;
import org.polyproto.jakarta.spi.ActorDirectory;
import org.polyproto.jakarta.spi.SensitiveAction;
import org.polyproto.jakarta.spi.SensitiveActionVerifier;

/** The default second factor: the actor's password, checked as trust checks it ({@link PasswordCheck}). */
@ApplicationScoped
public class PasswordSensitiveActionVerifier implements SensitiveActionVerifier {

    @Inject
    ActorDirectory directory;
    @Inject
    PasswordCheck passwords;

    @Override
    public boolean verify(FederationId actor, SensitiveAction action, String solution) {
        return passwords.matches(actor, directory.find(actor).isPresent(), solution, JsonValue.EMPTY_JSON_OBJECT);
    }
}
