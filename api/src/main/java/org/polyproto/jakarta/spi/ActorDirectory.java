package org.polyproto.jakarta.spi;

import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;

/**
 * The actors of this server: who may get ID-Certs here, whose certificates {@code key/actor} lists and whose
 * KeyPackages are served. Every deployment has one: the host's, or the module's default over its own actor table
 * ({@code p2_actor}). A host that brings its own users implements this and {@link CredentialVerifier} (and
 * {@link ActorRegistration} if the module's register route should create users); the module's defaults for those
 * two step aside with the default directory.
 * <p>
 * Called outside the module's transactions or inside one (then it must not do network I/O of its own that can
 * take long); concurrently from request threads.
 *
 * @since 0.2
 */
public interface ActorDirectory {

    /** The actor with this ID, if it exists on this server. {@code fid} is always of this server's domain. */
    Optional<Actor> find(FederationId fid);
}
