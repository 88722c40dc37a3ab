package org.polyproto.jakarta.spi.storage;

import java.util.Objects;
import org.polyproto.jakarta.api.FederationId;

/**
 * One client of an actor on this server: the actor and the session ID of its ID-Cert. KeyPackages and queued
 * events belong to a client; they outlive token replacement and end with the session.
 *
 * @since 0.1
 */
public record ClientId(FederationId fid, String sessionId) {
    public ClientId {
        Objects.requireNonNull(fid, "fid");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    public static ClientId of(Session session) {
        return new ClientId(session.fid(), session.sessionId());
    }
}
