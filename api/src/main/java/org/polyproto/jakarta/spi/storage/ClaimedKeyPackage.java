package org.polyproto.jakarta.spi.storage;

import java.util.Objects;

/**
 * A KeyPackage handed out for a client.
 *
 * @param keyPackage the package as it was uploaded (base64 text, or an object's JSON text)
 * @param lastResort whether it is the client's last-resort package (which stays stored)
 * @param regularRemaining how many regular packages the client has left
 * @since 0.1
 */
public record ClaimedKeyPackage(String keyPackage, boolean lastResort, int regularRemaining) {
    public ClaimedKeyPackage {
        Objects.requireNonNull(keyPackage, "keyPackage");
    }
}
