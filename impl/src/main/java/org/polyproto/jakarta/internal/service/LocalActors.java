package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.ActorDirectory;

/**
 * Whether a FID names an actor of this server. {@link #requireRegistered} asks the {@link ActorDirectory}, which
 * the module calls outside its own transactions: call it before one begins.
 */
@ApplicationScoped
public class LocalActors {

    @Inject
    ActorDirectory directory;
    @Inject
    PolyprotoConfig config;

    /**
     * Refuses with {@code FORBIDDEN} unless {@code fid} is of this server's domain: what only this server's own
     * actors may do here, e.g. {@code "keep key material"}. Asks no directory.
     */
    public void requireLocal(FederationId fid, String activity) {
        if (!fid.domain().equals(config.server().domain())) {
            throw new PolyprotoException(ErrorCode.FORBIDDEN, "Only actors of this server " + activity + " here.");
        }
    }

    /** {@code fid}, if it is of this server's domain and its directory knows it; else {@code ACTOR_NOT_FOUND}. */
    public FederationId requireRegistered(FederationId fid) {
        if (!fid.domain().equals(config.server().domain()) || directory.find(fid).isEmpty()) {
            throw new PolyprotoException(ErrorCode.ACTOR_NOT_FOUND, "No actor " + fid + " is registered here.");
        }
        return fid;
    }
}
