package org.polyproto.jakarta.spi.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * An MLS KeyPackage the module checked and hands to the store.
 *
 * @param keyPackage the RFC 9420 encoding as uploaded, base64 (what clients are handed)
 * @param initKeyHash lower-case hex SHA-256 of the package's {@code init_key}; one client holds at most one package
 *                    per init key, and {@link KeyPackageStore#recordInitKey} makes it unique across clients
 * @param expiresAt the LeafNode's {@code lifetime.not_after}: from then on the package is never handed out
 * @since 0.5
 */
public record StoredKeyPackage(String keyPackage, String initKeyHash, Instant expiresAt) {
    public StoredKeyPackage {
        Objects.requireNonNull(keyPackage, "keyPackage");
        Objects.requireNonNull(initKeyHash, "initKeyHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
