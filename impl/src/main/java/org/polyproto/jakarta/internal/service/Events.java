package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.EventQueue;
import org.polyproto.jakarta.spi.storage.QueuedEvent;

/** {@code GET p2core/events}: hands a client its queued events and removes them. */
@ApplicationScoped
public class Events {

    @Inject
    EventQueue queue;
    @Inject
    Transactions transactions;
    @Inject
    ModuleMetrics metrics;

    /**
     * In a transaction of its own, run again if it lost a race: a client's first drain that creates its queue to
     * hand it a broadcast may meet its first enqueue doing the same.
     */
    public List<QueuedEvent> drain(ClientId client) {
        List<QueuedEvent> drained = Transactions.retriedOnConflict(() -> transactions.call(() -> queue.drain(client)));
        metrics.eventsDrained(drained.size());
        return drained;
    }
}
