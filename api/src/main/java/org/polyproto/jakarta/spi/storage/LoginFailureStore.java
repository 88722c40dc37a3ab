package org.polyproto.jakarta.spi.storage;

import java.time.Instant;
import java.util.OptionalInt;
import org.polyproto.jakarta.api.FederationId;

/**
 * Password attempts per actor, for the brute-force defence of {@code session/trust}: every node counts in this one
 * place, so guesses spread over nodes or client addresses add up. The module counts only actors that exist, so the
 * store holds at most one record per actor.
 *
 * @since 0.3
 */
public interface LoginFailureStore {

    /**
     * Counts one password attempt of {@code fid} at {@code now}, unless the actor is locked at {@code now} (then
     * nothing is counted). Atomic: concurrent attempts for one actor are counted one after the other, each sees
     * the count and the lock that the ones before it left, and none is lost. A record whose last attempt was
     * before {@code forgetBefore} starts again at 1.
     *
     * @return the attempt's number since the actor's last success (1 for the first), or empty when it is locked
     * @throws StorageConflictException when the actor's first attempt lost the race to create its record; the
     *         module runs its transaction again, which then counts on the winner's record
     */
    OptionalInt count(FederationId fid, Instant now, Instant forgetBefore);

    /**
     * Whether {@code fid} is locked at {@code now}; reads only, and stores nothing. The module asks this for names
     * that are no actor, so that refusing them takes the same round trip to the store as counting an attempt of
     * an actor that exists (the time of a refusal must not tell which names exist).
     */
    boolean isLocked(FederationId fid, Instant now);

    /** Locks the actor until {@code until}: {@link #count} refuses before then. Called after {@link #count}. */
    void lock(FederationId fid, Instant until);

    /** Forgets the actor's attempts and lock (the right password was given). */
    void clear(FederationId fid);

    /**
     * Removes the records whose last attempt was before {@code before} and whose lock has ended by {@code now};
     * returns how many.
     */
    int purge(Instant before, Instant now);
}
