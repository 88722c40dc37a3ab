package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import jakarta.json.JsonObject;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Short lifetimes, set through the deployment's context parameters: expired challenges and tokens are refused, and
 * the sweep removes expired sessions with their KeyPackages and queued events.
 */
class ExpiryIT extends DeployedHostTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("expiry-it", Map.of("polyproto.challenge.ttl", "1", "polyproto.token.ttl", "5",
                "polyproto.housekeeping.interval", "1"));
    }

    @Test
    void expiredChallengesAndSessionsAreRefusedAndSweptWithWhatBelongedToThem() throws Exception {
        String name = Flows.uniqueName("mortal");
        Flows.Member member = flows.member(name, "s1");
        flows.session(name, "s2");
        assertEquals(201, http.post("p2core/keypackage/@me", KeyPackagesAndEvents.array(
                KeyPackagesAndEvents.packages(member, 2)), member.token()).status());
        JsonObject before = flows.counts();

        String challenge = flows.challenge();
        Thread.sleep(7_000);
        assertError(http.post("p2core/session/identify", Flows.identifyBody(challenge,
                member.key().signChallenge(challenge), member.idCert())), 401, "P2CORE_CHALLENGE_INVALID");
        assertError(http.get("p2core/events", member.token()), 401, "P2CORE_UNAUTHORIZED");

        JsonObject after = flows.counts(); // the refused identify ran the sweep
        assertEquals(before.getInt("p2_session") - 2, after.getInt("p2_session"), "both sessions swept");
        assertEquals(before.getInt("p2_key_package") - 2, after.getInt("p2_key_package"));
        assertEquals(before.getInt("p2_event") - 1, after.getInt("p2_event"), "s1's NEW_SESSION event swept");
    }
}
