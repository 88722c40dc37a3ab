package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;
import static org.polyproto.jakarta.it.IdentityRoutes.inParallel;
import static org.polyproto.jakarta.it.IdentityRoutes.strings;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.testing.TestActor;
import org.polyproto.jakarta.testing.TestKeyPackage;

/**
 * KeyPackages and the event queue, on a deployment with small caps ({@link #SETTINGS}). Each subclass deploys one
 * kind of host.
 */
abstract class KeyPackagesAndEvents extends DeployedHostTest {

    static final int MAX_QUEUED = 8;
    static final int MAX_PER_REQUEST = 12;
    static final int MAX_PER_CLIENT = 15;
    static final int LOW_THRESHOLD = 3;
    static final int CLAIM_BURST = 60;

    /** Small caps, set through the deployment's own context parameters. */
    static final Map<String, String> SETTINGS = Map.of(
            "polyproto.events.max-queued", Integer.toString(MAX_QUEUED),
            "polyproto.keypackages.max-per-request", Integer.toString(MAX_PER_REQUEST),
            "polyproto.keypackages.max-per-client", Integer.toString(MAX_PER_CLIENT),
            "polyproto.keypackages.low-threshold", Integer.toString(LOW_THRESHOLD),
            "polyproto.rate-limit.actor.burst", Integer.toString(CLAIM_BURST),
            "polyproto.rate-limit.actor.per-minute", "1");

    @Test
    void case28_fiftyConcurrentFetchersGetEachRegularPackageOnceThenTheLastResortOne() throws Exception {
        Flows.Member owner = flows.member(Flows.uniqueName("kp"), "phone");
        Flows.Member fetcher = flows.member(Flows.uniqueName("fetcher"), "desk");
        List<String> regular = packages(owner, 10);
        assertEquals(201, http.post("p2core/keypackage/@me", array(regular), owner.token()).status());
        String lastResort = lastResortPkg(owner);
        assertEquals(204, http.put("p2core/keypackage_lr", "\"" + lastResort + "\"", owner.token()).status());

        List<List<String>> fetched = inParallel(50, () -> strings(http.get("p2core/keypackage/" + owner.fid(),
                fetcher.token())));
        List<String> all = new ArrayList<>();
        fetched.forEach(one -> {
            assertEquals(1, one.size(), "one package per client of the actor");
            all.addAll(one);
        });
        List<String> handedRegular = all.stream().filter(regular::contains).toList();
        assertEquals(10, handedRegular.size(), all::toString);
        assertEquals(10, new HashSet<>(handedRegular).size(), "no regular package twice");
        assertEquals(40, Collections.frequency(all, lastResort));

        List<JsonObject> events = flows.events(owner.token());
        List<Integer> remaining = events.stream().filter(e -> e.getString("t").equals("LOW_KEY_PACKAGES"))
                .map(e -> e.getJsonObject("d").getInt("remaining")).sorted().toList();
        assertEquals(List.of(0, 1, 2), remaining, events::toString);
        assertTrue(events.stream().allMatch(e -> e.getString("n").equals("mls") && e.getInt("op") == 0));
        assertEquals(List.of(), flows.events(fetcher.token()), "the fetcher is told nothing");
    }

    @Test
    void headConsumesNothing() {
        Flows.Member owner = flows.member(Flows.uniqueName("head"), "phone");
        Flows.Member fetcher = flows.member(Flows.uniqueName("fetcher"), "desk");
        assertEquals(201, http.post("p2core/keypackage/@me", array(packages(owner, 2)), owner.token()).status());
        flows.session(owner.name(), "laptop");
        assertEquals(405, http.send("HEAD", "p2core/events", null, owner.token(), null).status());
        assertEquals(405, http.send("HEAD", "p2core/keypackage/" + owner.fid(), null, fetcher.token(), null)
                .status());
        assertEquals(1, flows.events(owner.token()).size(), "the NEW_SESSION event is still queued");
        assertEquals(1, strings(http.get("p2core/keypackage/" + owner.fid(), fetcher.token())).stream()
                .filter(p -> !p.isEmpty()).count(), "a package is still there");
    }

    @Test
    void aRepeatedClaimerIsLimitedPerTarget() {
        Flows.Member owner = flows.member(Flows.uniqueName("claimed"), "phone");
        Flows.Member fetcher = flows.member(Flows.uniqueName("claimer"), "desk");
        assertEquals(201, http.post("p2core/keypackage/@me", array(packages(owner, 12)), owner.token()).status());
        assertEquals(204, http.put("p2core/keypackage_lr", "\"" + lastResortPkg(owner) + "\"", owner.token())
                .status());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < CLAIM_BURST + 2; i++) {
            statuses.add(http.get("p2core/keypackage/" + owner.fid(), fetcher.token()).status());
        }
        assertEquals(Collections.nCopies(CLAIM_BURST, 200), statuses.subList(0, CLAIM_BURST));
        assertEquals(List.of(429, 429), statuses.subList(CLAIM_BURST, CLAIM_BURST + 2));
        Flows.Member other = flows.member(Flows.uniqueName("other"), "desk");
        assertEquals(200, http.get("p2core/keypackage/" + owner.fid(), other.token()).status(),
                "another requester still claims");
    }

    @Test
    void uploadsRefuseARepeatedInitKeyAndEnforceTheCaps() {
        Flows.Member owner = flows.member(Flows.uniqueName("caps"), "phone");
        Flows.Member fetcher = flows.member(Flows.uniqueName("fetcher"), "desk");
        JsonObject start = flows.counts();
        String a = pkg(owner);
        String b = pkg(owner);
        String c = pkg(owner);
        assertEquals(201, http.post("p2core/keypackage/@me", array(List.of(a, b)), owner.token()).status());
        assertEquals(start.getInt("p2_key_package") + 2, flows.counts().getInt("p2_key_package"));

        JsonObject before = flows.counts();
        assertError(http.post("p2core/keypackage/@me", array(List.of(c, b)), owner.token()), 400,
                "P2CORE_KEYPACKAGE_INVALID");
        assertError(http.post("p2core/keypackage/@me", array(packages(owner, MAX_PER_REQUEST + 1)), owner.token()),
                400, "P2CORE_BAD_REQUEST");
        assertError(http.post("p2core/keypackage/@me", "[\"not base64!\"]", owner.token()), 400,
                "P2CORE_KEYPACKAGE_INVALID");
        assertError(http.post("p2core/keypackage/@me", "{\"not\":\"an array\"}", owner.token()), 400,
                "P2CORE_BAD_REQUEST");
        assertError(http.post("p2core/keypackage/@me", "[{\"cipher_suite\":1,\"init_key\":\"AAAA\"}]",
                owner.token()), 400, "P2CORE_BAD_REQUEST");
        assertError(http.post("p2core/keypackage/@me", array(List.of(pkg(owner))), null), 401,
                "P2CORE_UNAUTHORIZED");
        assertEquals(before, flows.counts(), "a refused upload stores nothing");
        assertEquals(201, http.post("p2core/keypackage/@me", array(List.of(c)), owner.token()).status(),
                "c was not recorded by the refused upload");

        Flows.Member full = flows.member(Flows.uniqueName("full"), "phone");
        assertEquals(201, http.post("p2core/keypackage/@me", array(packages(full, MAX_PER_REQUEST)), full.token())
                .status());
        assertEquals(201, http.post("p2core/keypackage/@me", array(packages(full, MAX_PER_CLIENT - MAX_PER_REQUEST)),
                full.token()).status());
        JsonObject atCap = flows.counts();
        assertError(http.post("p2core/keypackage/@me", array(packages(full, 1)), full.token()), 400,
                "P2CORE_BAD_REQUEST");
        assertEquals(atCap, flows.counts(), "the per-client cap refuses the whole request");

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            seen.addAll(strings(http.get("p2core/keypackage/" + owner.fid(), fetcher.token())));
        }
        assertEquals(Set.of(a, b, c), seen);
        assertEquals(List.of(), strings(http.get("p2core/keypackage/" + owner.fid(), fetcher.token())),
                "no regular and no last-resort package left: the client is skipped");
        assertError(http.get("p2core/keypackage/nobody@" + Flows.DOMAIN, fetcher.token()), 404,
                "P2CORE_ACTOR_NOT_FOUND");
    }

    @Test
    void newSessionAndClientKeyChangeReachExactlyTheActorsOtherSessions() {
        String name = Flows.uniqueName("ev");
        Flows.Member first = flows.member(name, "s1");
        Flows.Member stranger = flows.member(Flows.uniqueName("stranger"), "s1");
        flows.events(first.token());
        flows.events(stranger.token());

        Flows.Member second = flows.session(name, "s2");
        List<JsonObject> toFirst = flows.events(first.token());
        assertEquals(1, toFirst.size(), toFirst::toString);
        assertEquals("NEW_SESSION", toFirst.get(0).getString("t"));
        assertEquals("core", toFirst.get(0).getString("n"));
        assertEquals(3, toFirst.get(0).getInt("op"));
        assertEquals(second.idCert(), toFirst.get(0).getJsonObject("d").getString("cert"));
        assertEquals(List.of(), flows.events(second.token()));
        assertEquals(List.of(), flows.events(stranger.token()));

        Http.Reply identified = flows.identify(second);
        assertEquals(201, identified.status(), "identify also opens a session");
        String secondToken = identified.object().getString("token");
        assertEquals(List.of("NEW_SESSION"), types(flows.events(first.token())));

        TestActor newKey = TestActor.generate();
        Http.Reply rotated = http.post("p2core/session/idcert", Json.createObjectBuilder().add("csr",
                newKey.csrPem(name, Flows.DOMAIN, "s2")).build().toString(), secondToken);
        assertEquals(201, rotated.status(), rotated::toString);
        String newCert = rotated.object().getString("id_cert");
        String newToken = rotated.object().getString("token");
        List<JsonObject> change = flows.events(first.token());
        assertEquals(List.of("CLIENT_KEY_CHANGE"), types(change));
        JsonObject d = change.get(0).getJsonObject("d");
        assertEquals(4, change.get(0).getInt("op"));
        assertEquals(newCert, d.getString("cert"));
        assertTrue(d.containsKey("serial") && d.containsKey("invalidSince"), d::toString);
        assertEquals(List.of(), flows.events(newToken));
        assertEquals(List.of(), flows.events(stranger.token()));

        List<String> certs = strings(http.get("p2core/key/actor/" + first.fid() + "?session_id=s2"));
        assertEquals(List.of(newCert), certs, "the old certificate of s2 is invalidated");
        assertError(http.post("p2core/session/idcert", Json.createObjectBuilder().add("csr",
                TestActor.generate().csrPem(name, Flows.DOMAIN, "s1")).build().toString(), newToken), 403,
                "P2CORE_FORBIDDEN");
    }

    @Test
    void theQueueKeepsOrderAndDropsTheOldestBeyondItsCap() {
        String name = Flows.uniqueName("cap");
        Flows.Member listener = flows.member(name, "listener");
        for (int i = 0; i < MAX_QUEUED + 2; i++) {
            flows.session(name, "s" + i);
        }
        List<JsonObject> events = flows.events(listener.token());
        assertEquals(MAX_QUEUED, events.size(), events::toString);
        List<Long> sequence = events.stream().map(e -> e.getJsonNumber("s").longValue()).toList();
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), sequence, "the two oldest were dropped");
        assertEquals(List.of(), flows.events(listener.token()));
    }

    @Test
    void concurrentDrainsNeverSeeAnEventTwice() throws Exception {
        String name = Flows.uniqueName("drain");
        Flows.Member listener = flows.member(name, "listener");
        int produced = MAX_QUEUED - 2;
        AtomicBoolean producing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> producer = pool.submit(() -> {
                for (int i = 0; i < produced; i++) {
                    flows.session(name, "p" + i);
                }
                producing.set(false);
            });
            List<Future<List<Long>>> drainers = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                drainers.add(pool.submit(() -> {
                    List<Long> seen = new ArrayList<>();
                    while (producing.get()) {
                        List<Long> batch = flows.events(listener.token()).stream()
                                .map(e -> e.getJsonNumber("s").longValue()).toList();
                        assertEquals(batch.stream().sorted().toList(), batch, "in order within a response");
                        seen.addAll(batch);
                    }
                    return seen;
                }));
            }
            producer.get(120, TimeUnit.SECONDS);
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> drainer : drainers) {
                all.addAll(drainer.get(120, TimeUnit.SECONDS));
            }
            flows.events(listener.token()).forEach(e -> all.add(e.getJsonNumber("s").longValue()));
            Collections.sort(all);
            List<Long> expected = new ArrayList<>();
            for (long s = 1; s <= produced; s++) {
                expected.add(s);
            }
            assertEquals(expected, all, "every event exactly once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRevokedSessionLosesItsQueueAndItsKeyPackages() {
        String name = Flows.uniqueName("gone");
        Flows.Member leaving = flows.member(name, "s1");
        Flows.Member fetcher = flows.member(Flows.uniqueName("fetcher"), "s1");
        assertEquals(201, http.post("p2core/keypackage/@me", array(packages(leaving, 3)), leaving.token()).status());
        flows.session(name, "s2");
        JsonObject before = flows.counts();
        assertEquals(204, http.put("p2core/session/revoke", null, leaving.token()).status());
        JsonObject after = flows.counts();
        assertEquals(before.getInt("p2_key_package") - 3, after.getInt("p2_key_package"));
        assertEquals(before.getInt("p2_event") - 1, after.getInt("p2_event"), "its NEW_SESSION event went too");
        assertEquals(List.of(), strings(http.get("p2core/keypackage/" + leaving.fid(), fetcher.token())));
    }

    private static List<String> types(List<JsonObject> events) {
        return events.stream().map(e -> e.getString("t")).toList();
    }

    /** {@code n} new valid KeyPackages of {@code owner}'s session key. */
    static List<String> packages(Flows.Member owner, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(pkg(owner));
        }
        return out;
    }

    static String pkg(Flows.Member owner) {
        return TestKeyPackage.of(owner.key(), owner.fid()).base64();
    }

    /** A new valid last-resort KeyPackage (with the {@code last_resort} extension) of {@code owner}'s key. */
    static String lastResortPkg(Flows.Member owner) {
        return TestKeyPackage.of(owner.key(), owner.fid()).lastResort().base64();
    }

    static String array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }
}
