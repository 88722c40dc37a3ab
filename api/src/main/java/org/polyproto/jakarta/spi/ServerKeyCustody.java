package org.polyproto.jakarta.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the identity keys of the home server of the configured domain: the current one with its private part, and the history of all earlier
 * generations (public part only is needed for those).
 * <p>
 * The default custody keeps the keys in the module's database tables, the private key encrypted with AES-256-GCM
 * (bound to its row: domain, serial, generation and the certificate's SHA-256) under a key derived with
 * PBKDF2-HMAC-SHA256 (600,000 iterations, a random per-installation salt) from {@code polyproto.server-key.secret}
 * (or {@code polyproto.server-key.secret-file}), or under a raw key given as {@code base64:<32 bytes>}. It loads
 * only rows whose private key decrypts and matches their certificate. A host that keeps keys in a vault or an
 * HSM-backed store implements this interface.
 * <p>
 * {@link ServerKey#notAfter()} is the end of the server certificate; the module refuses to issue ID-Certs after it.
 * <p>
 * Thread-safe; {@link #initialize} and {@link #rotate} must be atomic across the nodes that share the store.
 *
 * @since 0.1
 */
public interface ServerKeyCustody {

    /** The key in force: the newest generation that has not been retired. */
    Optional<ServerSigningKey> current();

    /** Every generation, oldest first, retired ones included. */
    List<ServerKey> history();

    /**
     * Stores {@code first} if no key exists yet.
     *
     * @return the key in force afterwards: {@code first}, or the key another node stored before
     */
    ServerSigningKey initialize(ServerSigningKey first);

    /**
     * Retires the current key at {@code at} and makes {@code next} the current one, in one step.
     *
     * @param expectedCurrentSerial the serial the caller rotates away from
     * @return false, storing nothing, if the current key is no longer {@code expectedCurrentSerial} (a concurrent
     *         rotation won)
     */
    boolean rotate(ServerSigningKey next, java.math.BigInteger expectedCurrentSerial, Instant at);
}
