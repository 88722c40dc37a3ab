package org.polyproto.jakarta.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;

/**
 * An actor registered on this server.
 *
 * @param fid its Federation ID
 * @param passwordHash the encoded password hash (PHC string format, parameters included), or empty for an actor
 *                     registered without password
 * @param registeredAt when it was registered
 * @since 0.1
 */
public record Actor(FederationId fid, Optional<String> passwordHash, Instant registeredAt) {
    public Actor {
        Objects.requireNonNull(fid, "fid");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
