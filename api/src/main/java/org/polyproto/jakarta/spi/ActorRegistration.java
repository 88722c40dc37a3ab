package org.polyproto.jakarta.spi;

import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;

/**
 * Optional capability: creates actors for {@code POST p2core/register} and for the administrator bootstrap. Without
 * a bean of this type the register route answers 403 {@code P2CORE_FORBIDDEN} (the host registers its users its
 * own way). The default stores the actor in the module's own table with an Argon2id hash of the password.
 * <p>
 * Called outside any transaction of the module, after the name, the password's length (8 to 1024 code points),
 * the reserved names and the {@link RegistrationHandler} have accepted it; the implementation begins its own
 * transaction if it needs one.
 *
 * @since 0.2
 */
public interface ActorRegistration {

    /**
     * Creates the actor, with the password if there is one, hashed the implementation's own way.
     *
     * @throws org.polyproto.jakarta.spi.storage.StorageConflictException or a
     *         {@link org.polyproto.jakarta.api.PolyprotoException} with {@code FEDERATION_ID_TAKEN} if the actor
     *         exists; either answers 409
     */
    void register(FederationId fid, Optional<String> password);
}
