package org.polyproto.jakarta.spi.storage;

import java.util.Objects;

/**
 * An event with its sequence number, which increases per client.
 *
 * @since 0.1
 */
public record QueuedEvent(Event event, long sequence) {
    public QueuedEvent {
        Objects.requireNonNull(event, "event");
    }
}
