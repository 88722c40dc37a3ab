package org.polyproto.jakarta.spi.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A challenge string handed out by {@code GET p2core/challenge} (and as a v1 key trial).
 *
 * @param value the characters the client signs (32 to 256 of {@code [A-Za-z0-9]})
 * @param expiresAt the instant after which it is refused
 * @since 0.1
 */
public record Challenge(String value, Instant expiresAt) {
    public Challenge {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
