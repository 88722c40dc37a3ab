package org.polyproto.jakarta.spi.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A challenge string handed out by {@code GET p2core/challenge}.
 *
 * @param value the 64 characters the client signs
 * @param expiresAt the instant after which it is refused
 * @since 0.1
 */
public record Challenge(String value, Instant expiresAt) {
    public Challenge {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
