package org.polyproto.jakarta.spi;

import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;

/**
 * Stores the actors registered on this server.
 *
 * @since 0.1
 */
public interface ActorStore {

    /**
     * Stores a new actor. Uniqueness of the Federation ID is enforced by the store itself (a unique constraint),
     * never by a check before the insert, so concurrent registrations of one name let exactly one through.
     *
     * @throws org.polyproto.jakarta.spi.storage.StorageConflictException if the ID exists (the module answers
     *         {@code FEDERATION_ID_TAKEN})
     */
    void create(Actor actor);

    /** The actor with this ID, if it is registered here. */
    Optional<Actor> find(FederationId fid);

    /**
     * Finds the actor and locks it for the rest of the caller's transaction, so that certificate issuance for one
     * actor is serialised. Must be called inside a transaction.
     */
    Optional<Actor> lock(FederationId fid);
}
