package org.polyproto.jakarta.spi.storage;

import java.util.Optional;
import org.polyproto.jakarta.api.Incubating;

/**
 * Whether the storage can serve requests now: for the module's readiness check, which the host's health endpoint
 * (MicroProfile Health, when the server has it) asks. The default, of the persistence jar, answers ready when a
 * trivial query succeeds and the schema migrations are applied. A host with its own stores implements this to
 * report on them; every bean of this type is asked, and any reason makes the module not ready.
 * <p>
 * Called on the health endpoint's thread, outside any transaction, as often as the endpoint is asked: it should
 * answer within a second and must never throw. Thread-safe.
 *
 * @since 0.3
 */
@Incubating
public interface StorageReadiness {

    /**
     * Empty when ready; else a short reason for an operator ("database unreachable"), which the health endpoint
     * shows: no connection string, credential or exception text.
     */
    Optional<String> notReadyBecause();
}
