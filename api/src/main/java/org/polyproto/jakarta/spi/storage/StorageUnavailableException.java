package org.polyproto.jakarta.spi.storage;

/**
 * The store cannot serve now: no connection (or none within the pool's wait), the database refuses or is shutting
 * down. Nothing of the caller's transaction is kept. The module answers 503 {@code P2CORE_UNAVAILABLE} with
 * {@code Retry-After}, on every route and in every filter.
 *
 * @since 0.2
 */
public class StorageUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
