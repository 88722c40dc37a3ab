package org.polyproto.jakarta.spi.storage;

import java.util.List;
import java.util.Optional;

/**
 * MLS KeyPackages per client: regular ones, each handed out at most once, and one last-resort package.
 *
 * @since 0.1
 */
public interface KeyPackageStore {

    /** Stores regular packages for the client, ignoring any it already holds; returns how many were new. */
    int add(ClientId client, List<String> keyPackages);

    /** How many regular packages the client holds. */
    int countRegular(ClientId client);

    /** Replaces the client's last-resort package. */
    void putLastResort(ClientId client, String keyPackage);

    /**
     * Takes one of the client's regular packages, removing it atomically so that no two callers ever receive the
     * same one, even concurrently; when none is left, returns the last-resort package without removing it.
     *
     * @return empty if the client has neither
     */
    Optional<ClaimedKeyPackage> claim(ClientId client);

    /** Removes every package of the client. */
    void removeAll(ClientId client);
}
