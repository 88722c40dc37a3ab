package org.polyproto.jakarta.spi.storage;

import java.util.List;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.Incubating;

/**
 * The services each actor of this server lists for discovery, at most one entry per name and URL.
 * <p>
 * The module keeps the rules (one primary per name, the per-actor cap) and makes each change in one transaction
 * after {@link SessionStore#lockActor}: calls for one actor never overlap, so a store need not be atomic beyond each
 * call. Called inside the module's transactions, concurrently for different actors.
 *
 * @since 0.4
 */
@Incubating
public interface ServiceStore {

    /** {@code fid}'s services, ordered by name, then primary first, then in the order they were added. */
    List<DiscoverableService> find(FederationId fid);

    /** Adds the entry; false, storing nothing, if {@code fid} lists this name and URL already. */
    boolean add(FederationId fid, DiscoverableService service);

    /** Removes the entry of this name and URL; false if there was none. */
    boolean remove(FederationId fid, String name, String url);

    /** Marks the entry of this name and URL primary or not; false if there is none. */
    boolean setPrimary(FederationId fid, String name, String url, boolean primary);
}
