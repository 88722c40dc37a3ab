package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;
import static org.polyproto.jakarta.it.IdentityRoutes.inParallel;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.it.host.InMemoryStorage;
import org.polyproto.jakarta.spi.storage.memory.InMemoryChallengeStore;
import org.polyproto.jakarta.spi.storage.memory.InMemorySessionStore;

/**
 * The storage SPIs are a contract, not a JPA convention: a host whose challenges and sessions live outside JPA (the
 * contract kit's in-memory stores) gets every flow, and the module's own tables for them stay untouched.
 */
class InMemoryStorageIT extends DeployedHostTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("memory-it", InMemoryStorage.class, InMemoryStorage.Challenges.class,
                InMemoryStorage.Sessions.class, InMemoryChallengeStore.class, InMemorySessionStore.class);
    }

    @Test
    void trustIdentifyTokensAndRevocationWorkOnTheHostsStores() {
        JsonObject before = flows.counts();
        Flows.Member member = flows.member(Flows.uniqueName("mem"), "s1");
        Flows.Member second = flows.session(member.name(), "s2");
        Http.Reply identified = flows.identify(member);
        assertEquals(201, identified.status(), identified::toString);
        String token = identified.object().getString("token");
        int events = http.get("p2core/events", token).status();
        assertTrue(events == 200 || events == 204, "the identify token works: " + events);
        assertEquals(204, http.put("p2core/session/revoke", null, token).status());
        assertError(http.put("p2core/session/revoke", null, token), 401, "P2CORE_UNAUTHORIZED");
        assertEquals(204, http.put("p2core/session/revoke-all", "", second.token()).status());
        assertError(http.get("p2core/events", second.token()), 401, "P2CORE_UNAUTHORIZED");

        JsonObject after = flows.counts();
        assertTrue(after.getInt("p2_challenge") >= 1, "the identify's challenge is recorded as used in the host's "
                + "store (older records may have been swept)");
        assertEquals(before.getInt("p2_session"), after.getInt("p2_session"), "no session row written");
        assertEquals(before.getInt("p2_actor") + 1, after.getInt("p2_actor"), "actors still go to the JPA store");
    }

    @Test
    void concurrentIdentifiesWithOneChallengeStillGiveOneSession() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("memrace"), "s1");
        String challenge = flows.challenge();
        String body = Flows.identifyBody(challenge, member.key().signChallenge(challenge), member.idCert());
        List<Http.Reply> replies = inParallel(20, () -> http.post("p2core/session/identify", body));
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        assertTrue(replies.stream().filter(r -> r.status() != 201).allMatch(r -> r.status() == 401
                && r.error().equals("P2CORE_CHALLENGE_INVALID")), replies::toString);
        assertEquals("false", http.get("test-probe/used-challenge/" + challenge).body(),
                "used in the host's store only: the module's combined use over its own tables stepped aside");
    }
}
