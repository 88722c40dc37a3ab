package org.polyproto.jakarta.spi.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.Incubating;

/**
 * MLS KeyPackages per client: regular ones, each handed out at most once, and one last-resort package; and the
 * {@code init_key}s ever uploaded, so that none is accepted twice. The module checks every package (RFC 9420
 * parsing, signatures, binding to the session's ID-Cert) before it reaches the store; the store keeps them, hands
 * them out, and makes the two uniqueness rules hold across nodes.
 * <p>
 * Every method runs in the caller's transaction.
 *
 * @since 0.1 (0.5: packages carry their init key's hash and expiry; {@code claim} takes the time;
 *        {@code recordInitKey} and {@code purgeExpired} added; {@code putLastResort} and {@code removeAll} forget the
 *        init keys of packages never handed out)
 */
@Incubating
public interface KeyPackageStore {

    /**
     * Stores regular packages for the client, ignoring any whose init key the client already holds; returns how
     * many were new.
     */
    int add(ClientId client, List<StoredKeyPackage> keyPackages);

    /** How many regular packages the client holds, expired ones included until they are purged. */
    int countRegular(ClientId client);

    /**
     * Replaces the client's last-resort package. The replaced package's init-key record ({@link #recordInitKey}) is
     * removed too unless that package was handed out by {@link #claim}.
     */
    void putLastResort(ClientId client, StoredKeyPackage keyPackage);

    /**
     * Takes one of the client's regular packages that has not expired at {@code now}, removing it atomically so that
     * no two callers ever receive the same one, even concurrently; when none is left, returns the last-resort
     * package without removing it, unless it has expired, and remembers that it was handed out.
     *
     * @return empty if the client has neither
     */
    Optional<ClaimedKeyPackage> claim(ClientId client, Instant now);

    /**
     * Records an init key as seen, in the caller's transaction: true the first time, false if it was recorded
     * before and not yet forgotten. Of concurrent callers with the same hash, at most one gets true, even on
     * different nodes: a caller that meets another's record that is not committed yet either waits for it and gets
     * false, or fails with {@link StorageConflictException} (the module then runs its transaction again).
     *
     * @param initKeyHash lower-case hex SHA-256 of the init key
     * @param forgetAfter when the record may go ({@link #purgeExpired}): the package's expiry
     * @since 0.5
     */
    boolean recordInitKey(String initKeyHash, Instant forgetAfter);

    /**
     * Removes every package of the client (its session ended, or its ID-Cert changed and they bind the old key), and
     * the init-key records of those that were never handed out: no copy of them left the server, so their init keys
     * need not stay refused, and a client that uploads and drops packages over and over leaves nothing behind. The
     * records of handed-out packages stay until they are forgotten ({@link #purgeExpired}).
     */
    void removeAll(ClientId client);

    /**
     * Removes packages that expired before {@code now}, and init-key records whose time to be forgotten has
     * passed; returns how many rows went.
     *
     * @since 0.5
     */
    int purgeExpired(Instant now);
}
