package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.EventQueue;
import org.polyproto.jakarta.spi.storage.QueuedEvent;

/** {@code GET p2core/events}: hands a client its queued events and removes them. */
@ApplicationScoped
public class Events {

    @Inject
    EventQueue queue;

    @Transactional
    public List<QueuedEvent> drain(ClientId client) {
        return queue.drain(client);
    }
}
