package org.polyproto.jakarta.spi.storage;

import java.util.Objects;

/**
 * A KeyPackage handed out for a client.
 *
 * @param keyPackage the package as stored: the base64 of its RFC 9420 encoding
 * @param lastResort whether it is the client's last-resort package (which stays stored)
 * @param regularRemaining how many unexpired regular packages the client has left
 * @since 0.1
 */
public record ClaimedKeyPackage(String keyPackage, boolean lastResort, int regularRemaining) {
    public ClaimedKeyPackage {
        Objects.requireNonNull(keyPackage, "keyPackage");
    }
}
