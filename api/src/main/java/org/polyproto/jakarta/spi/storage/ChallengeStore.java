package org.polyproto.jakarta.spi.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * Stores the challenge strings handed out and not yet used.
 *
 * @since 0.1
 */
public interface ChallengeStore {

    /** Stores a new challenge. */
    void save(Challenge challenge);

    /**
     * The challenge if it is stored, without removing it: identify looks first, so that a string that was never
     * issued (or is used up) costs no further work, and consumes only at its end. A read; no lock.
     *
     * @since 0.2
     */
    Optional<Challenge> find(String value);

    /**
     * Removes the challenge and returns it, atomically: of any number of concurrent callers with the same value, at
     * most one receives it (a conditional delete, never a read followed by a delete). The removal joins the caller's
     * transaction; the module commits it even when the identify attempt then fails, and rolls it back only when the
     * database itself fails. An expired challenge is removed and returned too; the caller decides.
     */
    Optional<Challenge> consume(String value);

    /** Removes challenges that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
