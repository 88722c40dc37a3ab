package org.polyproto.jakarta.spi.storage;

import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;

/**
 * The module's own actor table, behind the default {@link org.polyproto.jakarta.spi.ActorDirectory},
 * {@link org.polyproto.jakarta.spi.ActorRegistration} and {@link org.polyproto.jakarta.spi.CredentialVerifier}. A
 * host whose actors live elsewhere implements those three instead and never needs this store.
 *
 * @since 0.1 (in {@code org.polyproto.jakarta.spi} until 0.2)
 */
public interface ActorStore {

    /**
     * Stores a new actor. Uniqueness of the Federation ID is enforced by the store itself (a unique constraint),
     * never by a check before the insert, so concurrent registrations of one name let exactly one through.
     *
     * @throws StorageConflictException if the ID exists (the module answers {@code FEDERATION_ID_TAKEN})
     */
    void create(ActorRecord actor);

    /** The actor with this ID, if it is registered here. */
    Optional<ActorRecord> find(FederationId fid);
}
