package org.polyproto.jakarta.spi.storage.memory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.Event;
import org.polyproto.jakarta.spi.storage.EventQueue;
import org.polyproto.jakarta.spi.storage.QueuedEvent;

/**
 * An {@link EventQueue} in maps, for tests: sequence numbers start at 1 per client and start again after
 * {@link #clear}. Thread-safe, each call atomic, not transactional (nothing is rolled back).
 */
public class InMemoryEventQueue implements EventQueue {

    private static final class Queue {
        final Deque<QueuedEvent> events = new ArrayDeque<>();
        long nextSequence = 1;
    }

    private final Map<ClientId, Queue> queues = new HashMap<>();

    @Override
    public synchronized void enqueue(ClientId client, Event event, int maxQueued) {
        Queue queue = queues.computeIfAbsent(client, c -> new Queue());
        queue.events.addLast(new QueuedEvent(event, queue.nextSequence++));
        while (queue.events.size() > Math.max(maxQueued, 0)) {
            queue.events.removeFirst();
        }
    }

    @Override
    public synchronized List<QueuedEvent> drain(ClientId client) {
        Queue queue = queues.get(client);
        if (queue == null) {
            return List.of();
        }
        List<QueuedEvent> drained = List.copyOf(queue.events);
        queue.events.clear();
        return drained;
    }

    @Override
    public synchronized void clear(ClientId client) {
        queues.remove(client);
    }
}
