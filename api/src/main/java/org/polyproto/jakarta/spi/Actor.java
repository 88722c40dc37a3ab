package org.polyproto.jakarta.spi;

import java.util.Objects;
import org.polyproto.jakarta.api.FederationId;

/**
 * An actor of this server as its {@link ActorDirectory} knows it.
 *
 * @param fid its Federation ID, of this server's domain
 * @since 0.2
 */
public record Actor(FederationId fid) {
    public Actor {
        Objects.requireNonNull(fid, "fid");
    }
}
