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

/**
 * Reliability case 31 on every database: with the pool (10 connections, 3 s wait) exhausted, requests wait a
 * bounded time and get 503 with Retry-After, on resources and on token routes (whose session lookup runs in a
 * filter); once connections are back the same requests succeed. The held connections are given back however the
 * test ends, so that the next deployment never starts on an exhausted pool. It holds every connection that is not
 * in use: all ten, except on H2 where a connection Open Liberty stranded earlier in the run (see
 * {@link DeployedHostTest}) already counts toward exhaustion.
 */
class DatabaseFaultIT extends DeployedHostTest {

    static final int POOL_SIZE = 10;
    static final long HOLD_MILLIS = 12_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("dbfault-it");
    }

    @Test
    void case31_anExhaustedPoolGives503AfterABoundedWaitAndRecovers() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("c31"), "s1");
        String challenge = flows.challenge();
        String body = Flows.identifyBody(challenge, member.key().signChallenge(challenge), member.idCert());
        JsonObject before = flows.counts();

        awaitIdlePool(http);
        int available = POOL_SIZE - connectionsInUse(http.get("test-probe/pool-contents").body());
        long held = System.nanoTime();
        try {
            int taken = Integer.parseInt(http.post("test-probe/hold-connections?count=" + available
                    + "&millis=" + HOLD_MILLIS, "").body());
            assertEquals(available, taken, () -> "held " + taken + " of " + available + "; the pool: "
                    + http.get("test-probe/pool-contents").body());
            List<Http.Reply> starved = inParallel(20, () -> http.post("p2core/session/identify", body));
            starved.add(http.get("p2core/events", member.token()));
            long waitedMillis = (System.nanoTime() - held) / 1_000_000;
            for (Http.Reply reply : starved) {
                assertError(reply, 503, "P2CORE_UNAVAILABLE");
                assertTrue(reply.headers().firstValue("Retry-After").isPresent(), reply::toString);
            }
            assertTrue(waitedMillis < HOLD_MILLIS, "answered after " + waitedMillis + " ms, before the pool came "
                    + "back");
        } finally {
            http.post("test-probe/release-connections", "");
        }
        Http.Reply recovered = http.post("p2core/session/identify", body);
        assertEquals(201, recovered.status(), () -> "the challenge was not consumed by the starved attempts: "
                + recovered);
        JsonObject after = flows.counts();
        assertError(http.post("p2core/session/identify", body), 401, "P2CORE_CHALLENGE_INVALID");
        assertEquals(before.getInt("p2_session"), after.getInt("p2_session"), "the trust session was replaced");
    }
}
