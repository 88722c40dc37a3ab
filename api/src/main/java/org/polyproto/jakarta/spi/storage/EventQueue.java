package org.polyproto.jakarta.spi.storage;

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
}
