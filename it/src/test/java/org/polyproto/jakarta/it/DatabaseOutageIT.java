package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.testing.TestActor;

/**
 * Reliability case 30: the database is stopped hard (PostgreSQL's immediate shutdown, as after kill -9) while
 * clients register, trust and identify, then started again. Runs when the build is given the commands
 * ({@code -Dit.db.stop=... -Dit.db.start=...}; {@code .ci/run} does so in its PostgreSQL leg).
 */
class DatabaseOutageIT extends DeployedHostTest {

    private static final String LOAD_PREFIX = "outage";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("outage-it");
    }

    @Test
    void case30_aDatabaseStoppedMidRunGives503WithoutPartialRowsAndRecoversWithoutARestart() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("c30"), "s1");
        String challenge = flows.challenge();
        String identify = Flows.identifyBody(challenge, member.key().signChallenge(challenge), member.idCert());

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Queue<Http.Reply> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    for (Http.Reply reply : registerAndTrust(Flows.uniqueName(LOAD_PREFIX))) {
                        statuses.merge(reply.status(), 1, Integer::sum);
                        if (reply.status() != 201 && !(reply.status() == 503
                                && reply.body().contains("P2CORE_UNAVAILABLE"))) {
                            unexpected.add(reply);
                        }
                    }
                }
                return null;
            });
        }
        Thread.sleep(1_500);
        String nameTriedWhileDown = Flows.uniqueName("down");
        run(System.getProperty("it.db.stop"));
        try {
            Thread.sleep(3_000);
            Http.Reply down = http.post("p2core/session/identify", identify);
            assertError(down, 503, "P2CORE_UNAVAILABLE");
            assertTrue(down.headers().firstValue("Retry-After").isPresent(), down::toString);
            assertEquals(200, http.get("p2core/challenge").status(), "a challenge needs no database");
            assertError(http.get("p2core/key/actor/" + member.fid()), 503, "P2CORE_UNAVAILABLE");
            assertError(http.post("p2core/register", "{\"actor_name\":\"" + nameTriedWhileDown + "\"}"), 503,
                    "P2CORE_UNAVAILABLE");
            if (ObservabilityIT.MICROPROFILE) {
                var unready = ObservabilityIT.get(base, "health/ready");
                assertEquals(503, unready.statusCode(), unready::body);
                assertEquals("DOWN", ObservabilityIT.check(unready.body()).getString("status"), unready::body);
                assertEquals("UP", ObservabilityIT.check(ObservabilityIT.get(base, "health/live").body())
                        .getString("status"), "a database outage is no reason to restart the server");
            }
        } finally {
            // whatever failed above, the tests after this one need their database back
            run(System.getProperty("it.db.start"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (http.get("p2core/key/actor/" + member.fid()).status() != 200) {
            assertTrue(System.nanoTime() < deadline, "no recovery within 60 s");
            Thread.sleep(500);
        }
        if (ObservabilityIT.MICROPROFILE) {
            assertEquals(200, ObservabilityIT.get(base, "health/ready").statusCode(), "ready again");
        }
        Thread.sleep(1_500);
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));

        assertTrue(statuses.getOrDefault(503, 0) > 0, statuses::toString);
        assertTrue(unexpected.isEmpty(), () -> statuses + ", not 201 or 503 UNAVAILABLE: " + unexpected);
        assertEquals("0", http.get("test-probe/orphans?prefix=" + LOAD_PREFIX).body(),
                "no session or certificate left half-made");
        Http.Reply identified = http.post("p2core/session/identify", identify);
        assertEquals(201, identified.status(), () -> "the challenge survived the failed attempt: " + identified);
        assertEquals(201, http.post("p2core/register", "{\"actor_name\":\"" + nameTriedWhileDown + "\"}").status(),
                "nothing of the refused registration was stored");
    }

    private List<Http.Reply> registerAndTrust(String name) {
        Http.Reply register = http.post("p2core/register", Json.createObjectBuilder().add("actor_name", name)
                .add("password", Flows.PASSWORD).build().toString());
        if (register.status() != 201) {
            return List.of(register);
        }
        return List.of(register, flows.trustReply(name, TestActor.generate().csrPem(name, Flows.DOMAIN, "s1"),
                Flows.PASSWORD));
    }

    private static void run(String command) throws Exception {
        assertFalse(command == null || command.isBlank(), "-Dit.db.stop and -Dit.db.start are required");
        Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), command + ": " + output);
    }
}
