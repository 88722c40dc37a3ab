package org.polyproto.jakarta.it.host;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.it.ProbeResource;
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

    /** The test probe's view of these stores. */
    @ApplicationScoped
    public static class Counts implements ProbeResource.StoredElsewhere {

        @Inject
        Challenges challenges;
        @Inject
        Sessions sessions;

        @Override
        public Map<String, Long> counts() {
            return Map.of("p2_challenge", (long) challenges.size(), "p2_session", (long) sessions.size());
        }

        @Override
        public Map<String, Long> rowsOf(String table, String fid) {
            return table.equals("p2_session")
                    ? Map.of(table, (long) sessions.findByActor(FederationId.parse(fid)).size()) : Map.of();
        }
    }
}
