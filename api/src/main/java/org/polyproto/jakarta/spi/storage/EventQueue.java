package org.polyproto.jakarta.spi.storage;

import java.time.Instant;
import java.util.List;

/**
 * Per-client queues of events waiting for {@code GET p2core/events}.
 *
 * @since 0.1
 */
public interface EventQueue {

    /**
     * Appends an event with the client's next sequence number. When the queue then holds more than
     * {@code maxQueued} events, the oldest are dropped. Concurrent enqueues for one client all succeed, except
     * that one of two racing very first enqueues may fail with {@link StorageConflictException}; the module then
     * runs its transaction again, and it succeeds.
     */
    void enqueue(ClientId client, Event event, int maxQueued);

    /**
     * Returns the client's queued events in sequence order and removes them, in one step: two concurrent drains
     * never return the same event.
     */
    List<QueuedEvent> drain(ClientId client);

    /** Drops the client's queue, e.g. when its session ends. */
    void clear(ClientId client);

    /**
     * Stores {@code event} once for every client of an actor of {@code actorsDomain} whose session was open at
     * {@code at}, instead of once per client, so that its cost does not grow with the number of sessions. Each such
     * client is handed the event once, by its next {@link #drain}, with the next number of its own sequence: after
     * the events queued for it before the broadcast was stored, before those queued after. A client whose session
     * opened after {@code at} is not handed it.
     * <p>
     * A queue that cannot do this answers false and stores nothing; the module then enqueues the event for each
     * open session itself. The default answers false.
     *
     * @return whether the broadcast was stored
     * @since 0.3
     */
    default boolean broadcast(String actorsDomain, Event event, Instant at) {
        return false;
    }

    /**
     * Removes the broadcasts stored before {@code before}: every session that was open then has ended. Default 0.
     *
     * @return how many were removed
     * @since 0.3
     */
    default int purgeBroadcasts(Instant before) {
        return 0;
    }
}
