package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;
import static org.polyproto.jakarta.it.IdentityRoutes.inParallel;
import static org.polyproto.jakarta.it.IdentityRoutes.strings;
import static org.polyproto.jakarta.it.IdentityRoutes.x509;

import java.net.URL;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polyproto.jakarta.testing.TestKeyPackage;

/**
 * Two nodes of one home server on one database. Node A is a deployment of the host WAR in the test server. Node B
 * is, when {@code -Dit.node-b} names it, another server: {@code .ci/run}'s PostgreSQL leg starts the example server
 * as a second Open Liberty server on port 9081, on the same database, for the same domain. Otherwise it is a second
 * deployment in the test server, an application of its own (its own class loader, CDI container, server-key copy,
 * caches and rate limits). Whatever a client does on one node holds on the other.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodesIT {

    /** {@code polyproto.server-key.refresh} of both nodes, and the bound this test holds them to. */
    static final long REFRESH_MILLIS = 2000;
    static final Map<String, String> SETTINGS = Map.of("polyproto.server-key.refresh", "PT2S");

    @Deployment(name = "a", testable = false, order = 1)
    static WebArchive nodeA() {
        return HostWar.create("node-a-it", SETTINGS);
    }

    @Deployment(name = "b", testable = false, order = 2)
    static WebArchive nodeB() {
        return HostWar.create("node-b-it", SETTINGS);
    }

    @ArquillianResource
    @OperateOnDeployment("a")
    URL a;

    @ArquillianResource
    @OperateOnDeployment("b")
    URL b;

    /** Another server's node B, e.g. {@code http://localhost:9081/polyproto-example/}, or none. */
    static final String OTHER_SERVER = System.getProperty("it.node-b", "");

    private Http httpA;
    private Http httpB;
    private Flows flowsA;
    private Flows flowsB;

    /**
     * Both nodes serve before a test begins. Node B on another server keeps its pool across test classes: after
     * {@code DatabaseOutageIT} stopped the database, its first request meets a dead connection and answers 503 (as
     * it should: the client retries), which would otherwise land in a test here.
     */
    @BeforeEach
    void clients() throws InterruptedException {
        httpA = new Http(a);
        httpB = new Http(urlOfB());
        flowsA = new Flows(httpA);
        flowsB = new Flows(httpB);
        for (Http node : List.of(httpA, httpB)) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (node.get("p2core/challenge").status() != 200) {
                assertTrue(System.nanoTime() < deadline, "a node does not serve within 60 s");
                Thread.sleep(500);
            }
        }
    }

    /** The example server has no test probe: only the test server's pools are checked. */
    @AfterEach
    void poolsAreIdle() throws InterruptedException {
        DeployedHostTest.awaitIdlePool(httpA);
        DeployedHostTest.awaitIdlePool(new Http(b));
    }

    private URL urlOfB() {
        try {
            return OTHER_SERVER.isBlank() ? b : new URL(OTHER_SERVER);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("-Dit.node-b: " + OTHER_SERVER, e);
        }
    }

    @Test
    void nodeBIsTheServerItWasToldToBe() {
        if (!OTHER_SERVER.isBlank()) {
            assertTrue(urlOfB().getPort() != a.getPort(), "another server: " + urlOfB() + " and " + a);
        }
        assertEquals(200, httpB.get("p2core/challenge").status(), urlOfB()::toString);
        assertEquals(httpA.get("p2core/key/server").string(), httpB.get("p2core/key/server").string(),
                "one home server, one key");
    }

    @Test
    void aChallengeFromOneNodeCompletesOnTheOther() {
        Flows.Member member = flowsA.member(Flows.uniqueName("roaming"), "phone");
        String challenge = flowsA.challenge();

        Http.Reply identified = httpB.post("p2core/session/identify",
                Flows.identifyBody(challenge, member.key().signChallenge(challenge), member.idCert()));

        assertEquals(201, identified.status(), identified::toString);
        int events = httpA.get("p2core/events", identified.object().getString("token")).status();
        assertTrue(events == 200 || events == 204, "node A accepts node B's token: " + events);
    }

    @Test
    void ofConcurrentIdentifiesOverBothNodesWithOneChallengeExactlyOneWins() throws Exception {
        Flows.Member member = flowsA.member(Flows.uniqueName("racer"), "phone");
        String challenge = flowsB.challenge();
        String body = Flows.identifyBody(challenge, member.key().signChallenge(challenge), member.idCert());
        AtomicInteger turn = new AtomicInteger();

        List<Integer> statuses = inParallel(16, () -> (turn.getAndIncrement() % 2 == 0 ? httpA : httpB)
                .post("p2core/session/identify", body).status());

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 401), statuses::toString);
    }

    @Test
    void aChallengeRefusedOnOneNodeIsUsedUpOnTheOther() {
        Flows.Member member = flowsA.member(Flows.uniqueName("burnt"), "phone");
        String challenge = flowsB.challenge();

        assertError(httpA.post("p2core/session/identify", Flows.identifyBody(challenge,
                org.polyproto.jakarta.testing.TestActor.generate().signChallenge(challenge), member.idCert())), 401,
                "P2CORE_SIGNATURE_INVALID");
        assertError(httpB.post("p2core/session/identify", Flows.identifyBody(challenge,
                member.key().signChallenge(challenge), member.idCert())), 401, "P2CORE_CHALLENGE_INVALID");
    }

    @Test
    void aRevocationOnOneNodeIsRefusedOnTheOtherAtOnce() {
        Flows.Member member = flowsA.member(Flows.uniqueName("revoked"), "phone");
        assertEquals(204, httpA.put("p2core/session/revoke", null, member.token()).status());

        assertError(httpB.get("p2core/events", member.token()), 401, "P2CORE_UNAUTHORIZED");
    }

    @Test
    void keyPackagesAreHandedOutOnceOverBothNodes() throws Exception {
        Flows.Member owner = flowsA.member(Flows.uniqueName("kp-owner"), "phone");
        Flows.Member fetcher = flowsB.member(Flows.uniqueName("kp-fetcher"), "desk");
        List<String> regular = KeyPackagesAndEvents.packages(owner, 8);
        assertEquals(201, httpA.post("p2core/keypackage/@me", KeyPackagesAndEvents.array(regular), owner.token())
                .status());
        AtomicInteger turn = new AtomicInteger();

        List<List<String>> fetched = inParallel(16, () -> strings((turn.getAndIncrement() % 2 == 0 ? httpA : httpB)
                .get("p2core/keypackage/" + owner.fid(), fetcher.token())));

        List<String> handed = new ArrayList<>();
        fetched.forEach(handed::addAll);
        assertEquals(8, handed.size(), handed::toString);
        assertEquals(new HashSet<>(regular), new HashSet<>(handed), "each package once, none twice");
    }

    @Test
    void anInitKeyUploadedToBothNodesAtOnceIsKeptOnce() throws Exception {
        Flows.Member alice = flowsA.member(Flows.uniqueName("ik-a"), "phone");
        Flows.Member bob = flowsB.member(Flows.uniqueName("ik-b"), "phone");
        for (int round = 0; round < 6; round++) {
            byte[] initKey = TestKeyPackage.of(alice.key(), alice.fid()).initKey();
            String toA = KeyPackagesAndEvents.array(List.of(TestKeyPackage.of(alice.key(), alice.fid())
                    .initKey(initKey).base64()));
            String toB = KeyPackagesAndEvents.array(List.of(TestKeyPackage.of(bob.key(), bob.fid())
                    .initKey(initKey).base64()));
            AtomicInteger turn = new AtomicInteger();
            List<Integer> statuses = inParallel(2, () -> turn.getAndIncrement() == 0
                    ? httpA.post("p2core/keypackage/@me", toA, alice.token()).status()
                    : httpB.post(".p2/mls/v1/keypackages", toB, bob.token()).status());
            assertEquals(1, statuses.stream().filter(s -> s == 400).count(), "round " + round + ": " + statuses);
        }
    }

    @Test
    void aRotationOnOneNodeIsInForceOnTheOtherAtOnceForIssuingAndTrustAndServedWithinTheBound()
            throws Exception {
        Flows.Member before = flowsB.member(Flows.uniqueName("pre-rotation"), "phone");
        String oldPem = httpB.get("p2core/key/server").string();
        Flows.Member admin = flowsA.administrator();

        Http.Reply rotated = httpA.put("p2core/key/server", null, admin.token());
        assertEquals(200, rotated.status(), rotated::toString);
        long committed = System.nanoTime();
        String newPem = rotated.string();
        assertNotEquals(oldPem, newPem);

        assertError(identifyOnceChallengesAgree(flowsB, before), 401, "P2CORE_IDCERT_INVALID");
        Flows.Member after = flowsB.member(Flows.uniqueName("post-rotation"), "phone");
        assertEquals(x509(newPem).getSubjectX500Principal(), x509(after.idCert()).getIssuerX500Principal());
        PublicKey newKey = x509(newPem).getPublicKey();
        x509(after.idCert()).verify(newKey);
        assertEquals(201, flowsA.identify(after).status(), "node A trusts what node B issued under the new key");

        String served = httpB.get("p2core/key/server").string();
        while (!served.equals(newPem) && millisSince(committed) < REFRESH_MILLIS + 1000) {
            Thread.sleep(50);
            served = httpB.get("p2core/key/server").string();
        }
        assertEquals(newPem, served, "node B serves the new key within the refresh interval");
        assertTrue(millisSince(committed) < REFRESH_MILLIS + 1000, "took " + millisSince(committed) + " ms");

        List<jakarta.json.JsonObject> events = flowsB.events(before.token());
        assertEquals(1, events.stream().filter(e -> e.getString("t").equals("SERVER_KEY_CHANGE")).count(),
                events::toString);
    }

    /**
     * An identify on a node that may refresh its server key between issuing the challenge and checking it: a
     * rotation makes the challenges MACed under the old key stop verifying (by design), so a refresh that lands
     * between the two requests answers CHALLENGE_INVALID, and the client's answer is a fresh challenge. Only that
     * code is retried, within the refresh interval.
     */
    private static Http.Reply identifyOnceChallengesAgree(Flows flows, Flows.Member member) throws Exception {
        long start = System.nanoTime();
        Http.Reply reply = flows.identify(member);
        while (reply.status() == 401 && reply.body().contains("P2CORE_CHALLENGE_INVALID")
                && millisSince(start) < REFRESH_MILLIS + 1000) {
            Thread.sleep(50);
            reply = flows.identify(member);
        }
        return reply;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
