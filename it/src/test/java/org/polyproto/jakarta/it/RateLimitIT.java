package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.testing.TestActor;

/**
 * Rate limits per route class and per actor, set low through the deployment's context parameters (reliability cases
 * 20 and 21). Tests that must not share a client address's allowance come from their own loopback addresses.
 */
class RateLimitIT extends DeployedHostTest {

    static final int CHALLENGE_BURST = 300;
    static final int ACTOR_BURST = 5;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("ratelimit-it", Map.of(
                "polyproto.rate-limit.register.burst", "3", "polyproto.rate-limit.register.per-minute", "6",
                "polyproto.rate-limit.challenge.burst", Integer.toString(CHALLENGE_BURST),
                "polyproto.rate-limit.challenge.per-minute", "60",
                "polyproto.rate-limit.actor.burst", Integer.toString(ACTOR_BURST),
                "polyproto.rate-limit.actor.per-minute", "1"));
    }

    @Test
    void case20_registrationsAndChallengesBeyondTheLimitGet429WithRetryAfterAndStoreNothing() throws Exception {
        String address = "127.0.0.2";
        JsonObject before = flows.counts();
        for (int i = 0; i < 3; i++) {
            assertEquals(201, from(address, "POST", "p2core/register", "{\"actor_name\":\"" + Flows.uniqueName("rl")
                    + "\"}").status());
        }
        Http.Reply limited = from(address, "POST", "p2core/register", "{\"actor_name\":\"" + Flows.uniqueName("rl")
                + "\",\"password\":\"would be hashed\"}");
        assertError(limited, 429, "P2CORE_RATE_LIMITED");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "Retry-After " + retryAfter);
        assertError(from(address, "POST", "p2core/register", "{\"actor_name\":"), 429, "P2CORE_RATE_LIMITED");
        assertEquals(before.getInt("p2_actor") + 3, flows.counts().getInt("p2_actor"));

        int served = 0;
        for (int i = 0; i < 1000; i++) {
            Http.Reply reply = from(address, "GET", "p2core/challenge", "");
            if (reply.status() == 200) {
                served++;
            } else {
                assertError(reply, 429, "P2CORE_RATE_LIMITED");
                assertTrue(reply.headers().firstValue("Retry-After").isPresent());
            }
        }
        assertTrue(served >= CHALLENGE_BURST && served < CHALLENGE_BURST + 60, "served " + served);
        assertEquals(before.getInt("p2_challenge"), flows.counts().getInt("p2_challenge"),
                "issuing a challenge writes nothing");
        assertEquals(200, http.get("p2core/challenge").status(), "another address has its own allowance");
    }

    @Test
    void case21_badSignaturesForOneActorFromOneAddressAre429WhileOtherAddressesGetIn() throws Exception {
        Flows.Member victim = flows.member(Flows.uniqueName("victim"), "s1");
        TestActor attacker = TestActor.generate();
        int refusedBySignature = 0;
        int limited = 0;
        for (int i = 0; i < 250; i++) {
            Http.Reply reply = identifyFrom("127.0.0.3", victim, attacker);
            if (reply.status() == 429) {
                assertError(reply, 429, "P2CORE_RATE_LIMITED");
                assertTrue(reply.headers().firstValue("Retry-After").isPresent());
                limited++;
            } else {
                assertError(reply, 401, "P2CORE_SIGNATURE_INVALID");
                refusedBySignature++;
            }
        }
        assertEquals(ACTOR_BURST, refusedBySignature, "signatures were checked only within the allowance");
        assertEquals(250 - ACTOR_BURST, limited);
        assertEquals(429, identifyFrom("127.0.0.3", victim, victim.key()).status(), "that address is held off");
        Http.Reply elsewhere = identifyFrom("127.0.0.4", victim, victim.key());
        assertEquals(201, elsewhere.status(), () -> "no global lockout: " + elsewhere);
    }

    private Http.Reply from(String address, String method, String path, String body) throws Exception {
        return RawHttp.exchange(base, address, method, path, body.getBytes(StandardCharsets.UTF_8), false).asReply();
    }

    private Http.Reply identifyFrom(String address, Flows.Member member, TestActor signer) throws Exception {
        Http.Reply challenge = from(address, "GET", "p2core/challenge", "");
        assertEquals(200, challenge.status(), challenge::toString);
        String c = challenge.object().getString("challenge");
        return from(address, "POST", "p2core/session/identify", Flows.identifyBody(c, signer.signChallenge(c),
                member.idCert()));
    }
}
