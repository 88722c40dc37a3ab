package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyproto.jakarta.it.IdentityRoutesIT.assertError;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.testing.TestActor;

/** Security review M5: what one actor can make the server keep is bounded. */
class ActorBoundsIT extends DeployedHostTest {

    static final int MAX_SESSIONS = 2;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("bounds-it", Map.of("polyproto.sessions.max-per-actor", Integer.toString(MAX_SESSIONS)));
    }

    @Test
    void anActorHoldsAtMostTheConfiguredSessions() {
        Flows.Member first = flows.member(Flows.uniqueName("many"), "s1");
        flows.session(first.name(), "s2");
        Http.Reply third = flows.trustReply(first.name(), TestActor.generate().csrPem(first.name(), Flows.DOMAIN,
                "s3"), Flows.PASSWORD);
        assertError(third, 409, "P2CORE_TOO_MANY_SESSIONS");
        assertEquals(MAX_SESSIONS, Integer.parseInt(http.get("test-probe/rows/p2_session/" + first.fid()).body()));
        assertEquals(204, http.put("p2core/session/revoke", "", first.token()).status());
        assertEquals(201, flows.trustReply(first.name(), TestActor.generate().csrPem(first.name(), Flows.DOMAIN,
                "s3"), Flows.PASSWORD).status(), "a revoked session makes room");
    }
}
