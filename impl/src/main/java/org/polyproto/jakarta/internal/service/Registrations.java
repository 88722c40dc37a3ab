package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.RegisteredActorRepresentation;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.ActorRegistration;
import org.polyproto.jakarta.spi.RegistrationHandler;
import org.polyproto.jakarta.spi.storage.StorageConflictException;

/**
 * {@code POST p2core/register}: checks the name and password, asks the handler, hashes, stores. Reserved names and
 * the configured administrators are answered as taken: an administrator comes from the host or from
 * {@link AdministratorBootstrap}, never from open registration.
 */
@ApplicationScoped
public class Registrations {

    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 1024;

    @Inject
    ActorCapabilities capabilities;
    @Inject
    RegistrationHandler handler;
    @Inject
    PolyprotoConfig config;

    public RegisteredActorRepresentation register(String actorName, Optional<String> password,
                                                  JsonObject authPayload) {
        FederationId fid = new FederationId(FederationId.requireLocalName(actorName), config.server().domain());
        password.ifPresent(Registrations::requirePasswordLength);
        if (config.server().reservedNames().contains(fid.localName()) || config.server().admins().contains(fid)) {
            throw taken();
        }
        ActorRegistration registration = capabilities.registration().orElseThrow(
                () -> new PolyprotoException(ErrorCode.FORBIDDEN, "This server does not register actors."));
        Optional<JsonObject> payload = handler.onRegister(fid, password.isPresent(), authPayload);
        try {
            registration.register(fid, password);
        } catch (StorageConflictException e) {
            throw taken();
        }
        return new RegisteredActorRepresentation(fid.toString(), payload.orElse(null));
    }

    static void requirePasswordLength(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            throw new PolyprotoException(ErrorCode.BAD_REQUEST, "A password has 8 to 1024 characters.");
        }
    }

    static PolyprotoException taken() {
        return new PolyprotoException(ErrorCode.FEDERATION_ID_TAKEN, "This actor name is already taken.");
    }
}
