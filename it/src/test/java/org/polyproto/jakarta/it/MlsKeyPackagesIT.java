package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;
import static org.polyproto.jakarta.it.IdentityRoutes.inParallel;
import static org.polyproto.jakarta.it.IdentityRoutes.strings;
import static org.polyproto.jakarta.it.KeyPackagesAndEvents.array;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.testing.TestActor;
import org.polyproto.jakarta.testing.TestKeyPackage;

/**
 * KeyPackages as an MLS Authentication Service keeps them: each upload is an RFC 9420 KeyPackage written in the test
 * by {@link TestKeyPackage} (an encoder independent of the module's reader) for the session's ID-Cert key, and each
 * way of getting it wrong is refused with nothing stored.
 */
class MlsKeyPackagesIT extends DeployedHostTest {

    private static final String V1 = ".p2/mls/v1/keypackages";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("mls-keypackages-it", Map.of("polyproto.keypackages.max-lifetime", "P30D"));
    }

    @Test
    void aGoodPackageUploadsAndIsHandedOutOnceOnTheNewerPaths() {
        Flows.Member owner = flows.member(Flows.uniqueName("mls"), "phone");
        Flows.Member fetcher = flows.member(Flows.uniqueName("mls-fetcher"), "desk");
        String regular = TestKeyPackage.of(owner.key(), owner.fid()).base64();
        String lastResort = TestKeyPackage.of(owner.key(), owner.fid()).lastResort().bare().base64();
        Http.Reply uploaded = http.post(V1, Json.createArrayBuilder().add(regular).add(Json.createObjectBuilder()
                .add("keyPackage", lastResort).add("lastResort", true)).build().toString(), owner.token());
        assertEquals(200, uploaded.status(), uploaded::toString);

        assertEquals(204, http.get(V1 + "/" + owner.fid() + "?ciphersuites=2,3", fetcher.token()).status(),
                "no package of those suites");
        JsonObject first = one(http.get(V1 + "/" + owner.fid() + "?ciphersuites=1&versions=1.0", fetcher.token()));
        assertEquals(regular, first.getString("keyPackage"));
        assertEquals(false, first.getBoolean("lastResort"));
        assertTrue(first.getString("id").length() >= 8);
        JsonObject second = one(http.get(V1 + "/" + owner.fid() + "?ciphersuites=0x0001", fetcher.token()));
        assertEquals(lastResort, second.getString("keyPackage"));
        assertEquals(true, second.getBoolean("lastResort"));
        assertEquals(List.of(lastResort), strings(http.get("p2core/keypackage/" + owner.fid(), fetcher.token())),
                "the same store on the seed's path: the regular one is gone, the last-resort one stays");
    }

    @Test
    void eachBrokenPackageIsRefusedAndNothingIsStored() {
        Flows.Member owner = flows.member(Flows.uniqueName("mls-bad"), "phone");
        Flows.Member other = flows.member(Flows.uniqueName("mls-other"), "phone");
        TestActor stranger = TestActor.generate();
        long now = Instant.now().getEpochSecond();
        byte[] usedInitKey = TestKeyPackage.of(owner.key(), owner.fid()).initKey();
        assertEquals(201, http.post("p2core/keypackage/@me", array(List.of(TestKeyPackage.of(owner.key(),
                owner.fid()).initKey(usedInitKey).base64())), owner.token()).status());

        Map<String, UnaryOperator<TestKeyPackage>> broken = Map.of(
                "a signature key that is not the ID-Cert's", kp -> kp.signedBy(stranger),
                "a bad LeafNode signature", kp -> kp.leafSignedBy(stranger),
                "a bad KeyPackage signature", kp -> kp.packageSignedBy(stranger),
                "an expired lifetime", kp -> kp.lifetime(now - 7200, now - 60),
                "a lifetime over the cap", kp -> kp.lifetime(now - 60, now + 31 * 86_400L),
                "a reused init_key", kp -> kp.initKey(usedInitKey),
                "an unsupported suite", kp -> kp.cipherSuite(2),
                "trailing bytes", kp -> kp.trailing(new byte[] {0}),
                "another actor's name", kp -> kp.basicCredential(other.fid()));
        JsonObject before = flows.counts();
        for (Map.Entry<String, UnaryOperator<TestKeyPackage>> wrong : broken.entrySet()) {
            String bad = wrong.getValue().apply(TestKeyPackage.of(owner.key(), owner.fid())).base64();
            String good = TestKeyPackage.of(owner.key(), owner.fid()).base64();
            assertError(http.post("p2core/keypackage/@me", array(List.of(good, bad)), owner.token()), 400,
                    "P2CORE_KEYPACKAGE_INVALID");
            assertError(http.post(V1, array(List.of(good, bad)), owner.token()), 400, "P2CORE_KEYPACKAGE_INVALID");
            String badLastResort = wrong.getValue().apply(TestKeyPackage.of(owner.key(), owner.fid()).lastResort())
                    .base64();
            assertError(http.put("p2core/keypackage_lr", "\"" + badLastResort + "\"", owner.token()), 400,
                    "P2CORE_KEYPACKAGE_INVALID");
            assertEquals(before, flows.counts(), wrong.getKey() + ": nothing stored");
        }
        String othersPackage = TestKeyPackage.of(other.key(), other.fid()).base64();
        assertError(http.post("p2core/keypackage/@me", array(List.of(othersPackage)), owner.token()), 400,
                "P2CORE_KEYPACKAGE_INVALID");
        assertError(http.put("p2core/keypackage_lr", "\"" + TestKeyPackage.of(owner.key(), owner.fid()).base64()
                + "\"", owner.token()), 400, "P2CORE_KEYPACKAGE_INVALID");
        assertEquals(before, flows.counts(), "another actor's package, a last resort without last_resort: nothing");
    }

    @Test
    void anInitKeyUploadedByTwoActorsAtOnceIsKeptOnce() throws Exception {
        Flows.Member alice = flows.member(Flows.uniqueName("mls-race"), "phone");
        Flows.Member bob = flows.member(Flows.uniqueName("mls-race"), "phone");
        JsonObject before = flows.counts();
        for (int round = 0; round < 8; round++) {
            byte[] initKey = TestKeyPackage.of(alice.key(), alice.fid()).initKey();
            String path = round % 2 == 0 ? V1 : "p2core/keypackage/@me";
            List<Flows.Member> uploaders = List.of(alice, bob);
            AtomicInteger turn = new AtomicInteger();
            List<Integer> statuses = inParallel(2, () -> {
                Flows.Member m = uploaders.get(turn.getAndIncrement());
                return http.post(path, array(List.of(TestKeyPackage.of(m.key(), m.fid()).initKey(initKey)
                        .base64())), m.token()).status();
            });
            assertEquals(1, statuses.stream().filter(s -> s == 400).count(), "round " + round + ": " + statuses);
        }
        JsonObject after = flows.counts();
        assertEquals(before.getInt("p2_key_package") + 8, after.getInt("p2_key_package"), "one package per round");
        assertEquals(before.getInt("p2_init_key") + 8, after.getInt("p2_init_key"));
    }

    @Test
    void aNewIdCertDropsThePackagesOfTheOldKey() {
        Flows.Member owner = flows.member(Flows.uniqueName("mls-rotate"), "phone");
        Flows.Member fetcher = flows.member(Flows.uniqueName("mls-fetcher"), "desk");
        int initKeys = flows.counts().getInt("p2_init_key");
        assertEquals(201, http.post("p2core/keypackage/@me", array(KeyPackagesAndEvents.packages(owner, 3)),
                owner.token()).status());
        assertEquals(204, http.put("p2core/keypackage_lr", "\"" + KeyPackagesAndEvents.lastResortPkg(owner) + "\"",
                owner.token()).status());
        flows.events(owner.token());

        TestActor newKey = TestActor.generate();
        Http.Reply rotated = http.post("p2core/session/idcert", Json.createObjectBuilder().add("csr",
                newKey.csrPem(owner.name(), Flows.DOMAIN, "phone")).build().toString(), owner.token());
        assertEquals(201, rotated.status(), rotated::toString);
        String token = rotated.object().getString("token");

        assertEquals(initKeys, flows.counts().getInt("p2_init_key"),
                "none of the four dropped packages was handed out, so their init keys went with them");
        assertEquals(204, http.get(V1 + "/" + owner.fid(), fetcher.token()).status(), "no package of the old key");
        assertTrue(flows.events(token).stream().anyMatch(e -> e.getString("t").equals("LOW_KEY_PACKAGES")
                && e.getJsonObject("d").getInt("remaining") == 0));
        assertError(http.post(V1, array(List.of(TestKeyPackage.of(owner.key(), owner.fid()).base64())), token),
                400, "P2CORE_KEYPACKAGE_INVALID");
        String fresh = TestKeyPackage.of(newKey, owner.fid()).base64();
        assertEquals(200, http.post(V1, array(List.of(fresh)), token).status());
        assertEquals(List.of(fresh), strings(http.get("p2core/keypackage/" + owner.fid(), fetcher.token())));
    }

    private static JsonObject one(Http.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        JsonArray array = reply.array();
        assertEquals(1, array.size(), reply::toString);
        return array.getJsonObject(0);
    }
}
