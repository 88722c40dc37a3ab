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
 * Each node keeps a copy of {@link #current()} and {@link #history()} and reads both again once per
 * {@code polyproto.server-key.refresh} (2 seconds by default), so they should be cheap; {@link #inForce} is called
 * on every issuance and every identify of a home actor (unless an
 * {@link org.polyproto.jakarta.spi.storage.IssuedIdCertLookup} answers for both), inside the caller's transaction.
 *
 * @since 0.1
 */
public interface ServerKeyCustody {

    /** The key in force: the newest generation that has not been retired. */
    Optional<ServerSigningKey> current();

    /** Every generation, oldest first, retired ones included. */
    List<ServerKey> history();

    /**
     * Whether the key with {@code serial} is the key in force now, as the store says (not a node's copy). Once a
     * {@link #rotate} has committed anywhere, this answers false for the key it retired on every node. A custody
     * that keeps its rows in the caller's database should read them in the caller's transaction.
     *
     * @since 0.3
     */
    default boolean inForce(java.math.BigInteger serial) {
        return current().filter(k -> k.key().serial().equals(serial)).isPresent();
    }

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
