package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.it.host.BcryptUsers;
import org.polyproto.jakarta.it.host.InMemoryStorage;
import org.polyproto.jakarta.spi.storage.memory.InMemoryChallengeStore;
import org.polyproto.jakarta.spi.storage.memory.InMemorySessionStore;

/**
 * The identity routes on a host with its own users (bcrypt, in its own table, behind its own directory,
 * registration and verifier) and with challenges and sessions in stores that are not JPA: every flow of
 * {@link IdentityRoutes} through the host's SPIs. "Nothing was stored" counts the host's stores (see
 * {@link ProbeResource.StoredElsewhere}).
 */
class BcryptHostRoutesIT extends IdentityRoutes {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return bcryptHost("bcrypt-routes-it", Map.of());
    }

    @Test
    void theFlowsRunOnTheHostsOwnStores() {
        JsonObject before = flows.counts();
        Flows.Member member = flows.member(Flows.uniqueName("own"), "s1");
        assertTrue(hostValue("select bcrypt from host_users where fid = ?1", member.fid()).startsWith("$2"),
                "the user is the host's, with a bcrypt hash");
        assertEquals("0", hostValue("select count(*) from p2_actor where fid = ?1", member.fid()));
        assertEquals("0", hostValue("select count(*) from p2_session where fid = ?1", member.fid()));
        assertEquals(before.getInt("p2_session") + 1, flows.counts().getInt("p2_session"),
                "the session is in the host's in-memory store");
    }

    private String hostValue(String sql, String arg) {
        Http.Reply reply = http.get("test-probe/host-value?sql=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)
                + "&arg=" + URLEncoder.encode(arg, StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply::toString);
        return reply.body().trim();
    }

    /** The bcrypt host: the example WAR plus the host's user directory and its in-memory stores. */
    static WebArchive bcryptHost(String name, Map<String, String> settings) {
        return HostWar.create(name, settings, BcryptUsers.class, InMemoryStorage.class,
                InMemoryStorage.Challenges.class, InMemoryStorage.Sessions.class, InMemoryStorage.Counts.class,
                InMemoryChallengeStore.class, InMemorySessionStore.class);
    }
}
