package org.polyproto.jakarta.it.host;

import jakarta.enterprise.context.ApplicationScoped;
import org.polyproto.jakarta.spi.storage.memory.InMemoryChallengeStore;
import org.polyproto.jakarta.spi.storage.memory.InMemorySessionStore;

/**
 * A host that keeps challenges and sessions outside JPA: the contract kit's in-memory stores as CDI beans. The
 * module's JPA defaults for these two SPIs step aside.
 */
public final class InMemoryStorage {

    private InMemoryStorage() {
    }

    @ApplicationScoped
    public static class Challenges extends InMemoryChallengeStore {
    }

    @ApplicationScoped
    public static class Sessions extends InMemorySessionStore {
    }
}
