package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.testing.TestActor;

/**
 * Security review M5 and L7: what one actor can make the server keep is bounded, and a token ends with its
 * ID-Cert (here valid for a few seconds) however long the token lifetime is.
 */
class ActorBoundsIT extends DeployedHostTest {

    static final int MAX_SESSIONS = 2;
    static final int IDCERT_SECONDS = 4;
    static final int LEEWAY_SECONDS = 1;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("bounds-it", Map.of("polyproto.sessions.max-per-actor", Integer.toString(MAX_SESSIONS),
                "polyproto.idcert.lifetime", Integer.toString(IDCERT_SECONDS),
                "polyproto.idcert.leeway", Integer.toString(LEEWAY_SECONDS)));
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

    @Test
    void aTokenEndsWithItsIdCert() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("brief"), "s1");
        assertEquals(204, http.get("p2core/events", member.token()).status(), "the token works at first");
        Thread.sleep((IDCERT_SECONDS + LEEWAY_SECONDS + 2) * 1000L);
        assertError(http.get("p2core/events", member.token()), 401, "P2CORE_UNAUTHORIZED");
    }
}
