package org.polyproto.jakarta.spi;

import java.util.Objects;

/**
 * A server key generation together with its private part.
 *
 * @param key the public part and certificate
 * @param privateKeySeed the 32-byte Ed25519 private key (RFC 8032 seed); never logged, never stored in clear by the
 *                       module's own custody
 * @since 0.1
 */
public record ServerSigningKey(ServerKey key, byte[] privateKeySeed) {

    public ServerSigningKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(privateKeySeed, "privateKeySeed");
        if (privateKeySeed.length != 32) {
            throw new IllegalArgumentException("An Ed25519 private key has 32 bytes");
        }
        privateKeySeed = privateKeySeed.clone();
    }

    @Override
    public byte[] privateKeySeed() {
        return privateKeySeed.clone();
    }

    @Override
    public String toString() {
        return "ServerSigningKey[serial=" + key.serial() + ", private key hidden]";
    }
}
