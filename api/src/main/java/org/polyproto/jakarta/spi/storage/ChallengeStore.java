package org.polyproto.jakarta.spi.storage;

import java.time.Instant;

/**
 * The challenge strings that have been used. Challenges carry their own expiry and MAC, so issuing one stores
 * nothing; what every node must agree on is which were used, so that none is used twice.
 *
 * @since 0.1 (0.5: a store of used challenges; until 0.4 it held the issued ones, with {@code save}, {@code find}
 *        and {@code consume})
 */
public interface ChallengeStore {

    /**
     * Records {@code challenge} as used, in the caller's transaction: true for its first use, false if a use was
     * recorded before. Of concurrent callers with the same value, at most one gets true, even on different nodes:
     * a caller that meets another's first use that is not committed yet either waits for it and gets false, or
     * fails with {@link StorageConflictException} (the module then runs its transaction again, and gets false).
     * The module commits the record even when the identify then fails.
     *
     * @since 0.5
     */
    boolean use(Challenge challenge);

    /** Removes the records of challenges that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
