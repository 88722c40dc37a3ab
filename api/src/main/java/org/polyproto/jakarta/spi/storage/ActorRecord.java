package org.polyproto.jakarta.spi.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;

/**
 * An actor in the module's own actor table.
 *
 * @param fid its Federation ID
 * @param passwordHash the encoded password hash (PHC string format, parameters included), or empty for an actor
 *                     registered without password
 * @param registeredAt when it was registered
 * @since 0.1 (as {@code org.polyproto.jakarta.spi.Actor} until 0.2)
 */
public record ActorRecord(FederationId fid, Optional<String> passwordHash, Instant registeredAt) {
    public ActorRecord {
        Objects.requireNonNull(fid, "fid");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
