package org.polyproto.jakarta.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.Event;
import org.polyproto.jakarta.spi.storage.EventQueue;
import org.polyproto.jakarta.spi.storage.QueuedEvent;

/**
 * The contract of {@link EventQueue}: per client (actor and session ID), events come back from {@code drain} as
 * they were enqueued, in order, with sequence numbers that keep increasing across drains; {@code drain} removes
 * them, so that of drains running concurrently with each other and with enqueues (16 threads, each call in its own
 * transaction) every event is delivered exactly once; concurrent enqueues, a client's first ones included, all
 * succeed; at most {@code maxQueued} events are kept, the oldest dropped; {@code clear} drops the queue.
 * <p>
 * To run it on your store: subclass it, return a new, empty queue from {@link #createStore()}, and override
 * {@link #inTransaction(java.util.function.Supplier)} to run each call in a transaction of its own (see
 * {@link StoreContract}). Events carry JSON, so a Jakarta JSON Processing implementation must be on the test class
 * path. Scoping to a server domain is not tested here: it is not visible through the SPI.
 */
public abstract class EventQueueContract extends StoreContract<EventQueue> {

    protected static final ClientId ALICE_1 = new ClientId(FederationId.parse("alice@example.com"), "s1");
    protected static final ClientId ALICE_2 = new ClientId(FederationId.parse("alice@example.com"), "s2");
    protected static final ClientId BOB_1 = new ClientId(FederationId.parse("bob@example.com"), "s1");
    protected static final int UNBOUNDED = 100_000;

    /** A distinct event for each {@code i}. */
    protected static Event event(int i) {
        return new Event(i % 2 == 0 ? "core" : "mls", 3 + i % 5, "EVENT_" + i,
                Json.createObjectBuilder().add("i", i).add("text", "event " + i).build());
    }

    /** Retried on a conflict, which two racing first enqueues of a client may give (see the SPI). */
    private void enqueue(ClientId client, int i, int maxQueued) {
        inRetriedTransaction(() -> {
            store.enqueue(client, event(i), maxQueued);
            return null;
        });
    }

    private List<QueuedEvent> drain(ClientId client) {
        return inTransaction(() -> store.drain(client));
    }

    private static List<Event> events(List<QueuedEvent> queued) {
        return queued.stream().map(QueuedEvent::event).toList();
    }

    private static void assertIncreasing(List<QueuedEvent> queued) {
        for (int i = 1; i < queued.size(); i++) {
            assertTrue(queued.get(i - 1).sequence() < queued.get(i).sequence(), "sequence order: " + queued);
        }
    }

    @Test
    public void drainAnswersTheEnqueuedEventsInOrderAndRemovesThem() {
        for (int i = 0; i < 4; i++) {
            enqueue(ALICE_1, i, UNBOUNDED);
        }

        List<QueuedEvent> drained = drain(ALICE_1);

        assertEquals(List.of(event(0), event(1), event(2), event(3)), events(drained));
        assertIncreasing(drained);
        assertEquals(List.of(), drain(ALICE_1), "drained events are gone");
    }

    @Test
    public void sequenceNumbersKeepIncreasingAcrossDrains() {
        enqueue(ALICE_1, 0, UNBOUNDED);
        enqueue(ALICE_1, 1, UNBOUNDED);
        List<QueuedEvent> first = drain(ALICE_1);
        enqueue(ALICE_1, 2, UNBOUNDED);
        List<QueuedEvent> second = drain(ALICE_1);

        List<QueuedEvent> all = new ArrayList<>(first);
        all.addAll(second);
        assertEquals(List.of(event(0), event(1), event(2)), events(all));
        assertIncreasing(all);
    }

    @Test
    public void aQueueKeepsAtMostMaxQueuedEventsDroppingTheOldest() {
        for (int i = 0; i < 6; i++) {
            enqueue(ALICE_1, i, 3);
        }

        List<QueuedEvent> drained = drain(ALICE_1);

        assertEquals(List.of(event(3), event(4), event(5)), events(drained));
        assertIncreasing(drained);
    }

    @Test
    public void drainingAnEmptyOrUnknownQueueAnswersNothing() {
        assertEquals(List.of(), drain(ALICE_1));
        enqueue(ALICE_2, 0, UNBOUNDED);
        assertEquals(List.of(), drain(ALICE_1));
    }

    @Test
    public void eachClientHasAQueueOfItsOwn() {
        enqueue(ALICE_1, 1, UNBOUNDED);
        enqueue(ALICE_2, 2, UNBOUNDED);
        enqueue(BOB_1, 3, UNBOUNDED);

        assertEquals(List.of(event(2)), events(drain(ALICE_2)));
        assertEquals(List.of(event(1)), events(drain(ALICE_1)));
        assertEquals(List.of(event(3)), events(drain(BOB_1)));
    }

    @Test
    public void clearDropsTheClientsQueueOnly() {
        enqueue(ALICE_1, 1, UNBOUNDED);
        enqueue(ALICE_1, 2, UNBOUNDED);
        enqueue(ALICE_2, 3, UNBOUNDED);

        inTransaction(() -> store.clear(ALICE_1));

        assertEquals(List.of(), drain(ALICE_1));
        assertEquals(List.of(event(3)), events(drain(ALICE_2)));
        enqueue(ALICE_1, 4, UNBOUNDED);
        assertEquals(List.of(event(4)), events(drain(ALICE_1)), "the client can queue again");
    }

    @Test
    public void concurrentEnqueuesToANewQueueAllArrive() {
        Concurrently.values(Concurrently.run(Concurrently.THREADS, i -> {
            enqueue(ALICE_1, i, UNBOUNDED);
            return null;
        }));

        List<QueuedEvent> drained = drain(ALICE_1);
        assertIncreasing(drained);
        assertEquals(IntStream.range(0, Concurrently.THREADS).boxed().toList(),
                drained.stream().map(q -> q.event().data().getInt("i")).sorted().toList());
    }

    @Test
    public void concurrentDrainsAndEnqueuesDeliverEveryEventExactlyOnce() {
        int perThread = 20;
        int enqueuers = Concurrently.THREADS / 2;
        enqueue(ALICE_1, -1, UNBOUNDED);

        List<List<QueuedEvent>> drains = Concurrently.values(Concurrently.run(Concurrently.THREADS, t -> {
            List<QueuedEvent> drained = new ArrayList<>();
            for (int k = 0; k < perThread; k++) {
                if (t < enqueuers) {
                    enqueue(ALICE_1, t * perThread + k, UNBOUNDED);
                } else {
                    List<QueuedEvent> batch = drain(ALICE_1);
                    assertIncreasing(batch);
                    drained.addAll(batch);
                }
            }
            return drained;
        }));

        List<QueuedEvent> delivered = new ArrayList<>();
        drains.forEach(delivered::addAll);
        delivered.addAll(drain(ALICE_1));
        List<Integer> indexes = delivered.stream().map(q -> q.event().data().getInt("i")).sorted().toList();
        assertEquals(IntStream.range(-1, enqueuers * perThread).boxed().toList(), indexes, "each event once");
        assertEquals(delivered.size(), delivered.stream().map(QueuedEvent::sequence).distinct().count(),
                "distinct sequence numbers");
        delivered.sort(Comparator.comparingLong(QueuedEvent::sequence));
        Map<Integer, Integer> lastOfThread = new HashMap<>();
        for (QueuedEvent q : delivered) {
            int i = q.event().data().getInt("i");
            assertEquals(event(i), q.event());
            Integer previous = lastOfThread.put(Math.floorDiv(i, perThread), i);
            assertTrue(previous == null || previous < i, "one thread's events are numbered in the order it enqueued");
        }
    }
}
