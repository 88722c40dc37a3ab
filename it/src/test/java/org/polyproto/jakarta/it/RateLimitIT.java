package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutesIT.assertError;

import jakarta.json.JsonObject;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Rate limits per route class, set low through the deployment's context parameters. */
class RateLimitIT extends DeployedHostTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("ratelimit-it", Map.of(
                "polyproto.rate-limit.register.burst", "3", "polyproto.rate-limit.register.per-minute", "6",
                "polyproto.rate-limit.challenge.burst", "1000", "polyproto.rate-limit.challenge.per-minute", "1000"));
    }

    @Test
    void registrationsBeyondTheBurstGet429WithRetryAfterAndStoreNothing() {
        JsonObject before = flows.counts();
        int created = 0;
        for (int i = 0; i < 3; i++) {
            if (http.post("p2core/register", "{\"actor_name\":\"" + Flows.uniqueName("rl") + "\"}").status() == 201) {
                created++;
            }
        }
        assertEquals(3, created);
        Http.Reply limited = http.post("p2core/register", "{\"actor_name\":\"" + Flows.uniqueName("rl") + "\"}");
        assertError(limited, 429, "P2CORE_RATE_LIMITED");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "Retry-After " + retryAfter);
        assertError(http.post("p2core/register", "{\"actor_name\":"), 429, "P2CORE_RATE_LIMITED");
        assertEquals(before.getInt("p2_actor") + 3, flows.counts().getInt("p2_actor"));
        assertEquals(200, http.get("p2core/challenge").status(), "another route class has its own allowance");
    }
}
