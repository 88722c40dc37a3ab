package org.polyproto.jakarta.spi.storage;

/**
 * A storage operation lost a race to a concurrent one: a unique key that another transaction took first, a
 * deadlock victim, a serialization failure. The caller's transaction is to be rolled back; running the whole
 * transaction again may succeed. The module retries such transactions a few times where the contract allows it (a
 * concurrent identify of one session) and otherwise answers with the contract's code for the conflict (a taken
 * actor name).
 *
 * @since 0.2
 */
public class StorageConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
