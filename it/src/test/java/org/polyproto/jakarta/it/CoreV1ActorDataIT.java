package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.testing.TestActor;

/**
 * polyproto-auth's register and login (sonata's shapes) and the v1 profile's per-actor data, driven as
 * polyproto-rs 0.11 sends it: encrypted key material with serials as DER byte arrays and serial lists as JSON bodies
 * on GET and DELETE, services with {@code {"inner": name}}. Refusals store nothing.
 */
class CoreV1ActorDataIT extends DeployedHostTest {

    static final int UPLOAD_SIZE = 1000;
    static final int PER_ACTOR = 1500;
    static final long TRIAL_SECONDS = 2;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("core-v1-data-it", Map.of("polyproto.keymaterial.max-upload-size",
                Integer.toString(UPLOAD_SIZE), "polyproto.keymaterial.max-bytes-per-actor",
                Integer.toString(PER_ACTOR), "polyproto.services.max-per-actor", "3",
                "polyproto.challenge.ttl", Long.toString(TRIAL_SECONDS)));
    }

    @Test
    void registerAndLoginAnswerAGrantThatBuysTheFirstIdCert() throws Exception {
        String name = Flows.uniqueName("auth");
        assertError(http.post(".p2/auth/v1/register", body("localName", name, "password", Flows.PASSWORD)), 400,
                "P2CORE_BAD_REQUEST");
        Http.Reply registered = http.send("POST", ".p2/auth/v1/register/", Json.createObjectBuilder()
                .add("tosConsent", true).add("localName", name).add("password", Flows.PASSWORD).build().toString(),
                null, null);
        assertEquals(201, registered.status(), registered::toString);
        assertError(http.post(".p2/auth/register", Json.createObjectBuilder().add("tosConsent", true)
                .add("localName", name).add("password", Flows.PASSWORD).build().toString()), 409,
                "P2CORE_FEDERATION_ID_TAKEN");

        JsonObject before = flows.counts();
        assertError(http.post(".p2/auth/login", body("localName", name, "password", "not the password")), 401,
                "P2CORE_INVALID_CREDENTIALS");
        assertError(http.post(".p2/auth/v1/login", body("localName", "nobody-" + name, "password",
                Flows.PASSWORD)), 401, "P2CORE_INVALID_CREDENTIALS");
        Http.Reply login = http.post(".p2/auth/v1/login", body("localName", name, "password", Flows.PASSWORD));
        assertEquals(200, login.status(), login::toString);
        String grant = login.object().getString("token");
        assertEquals(before, flows.counts(), "a login stores nothing");
        assertError(http.get("p2core/events", grant), 401, "P2CORE_UNAUTHORIZED");

        TestActor key = TestActor.generate();
        Http.Reply issued = http.send("POST", ".p2/core/v1/idcert/", key.csrPem(name, Flows.DOMAIN, "first"),
                grant, null);
        assertEquals(201, issued.status(), issued::toString);
        int status = http.get("p2core/events", issued.object().getString("token")).status();
        assertTrue(status == 200 || status == 204, "the ID-Cert's token opened a session: " + status);
        Flows.Member other = flows.member(Flows.uniqueName("auth-other"), "s1");
        assertError(http.send("POST", ".p2/core/v1/idcert/", key.csrPem(other.name(), Flows.DOMAIN, "s2"), grant,
                null), 400, "P2CORE_CSR_INVALID");
        assertError(http.send("POST", ".p2/core/v1/idcert/", key.csrPem(name, Flows.DOMAIN, "s3"),
                grant.substring(0, grant.length() - 2) + "AA", null), 401, "P2CORE_UNAUTHORIZED");
    }

    @Test
    void keyMaterialIsStoredWholeWithinItsCapsAndFetchedBySerial() {
        Flows.Member member = flows.member(Flows.uniqueName("pkm"), "s1");
        BigInteger large = BigInteger.TWO.pow(159).add(BigInteger.ONE);
        Http.Reply size = http.get(".p2/core/v1/session/keymaterial/size/");
        assertEquals(200, size.status(), size::toString);
        assertEquals(Integer.toString(UPLOAD_SIZE), size.body());
        assertEquals(Integer.toString(UPLOAD_SIZE), size.headers().firstValue("X-MAX-PAYLOAD-SIZE").orElse(""));

        Http.Reply uploaded = upload(member, item(BigInteger.valueOf(7), 400), item(large, 400));
        assertEquals(201, uploaded.status(), uploaded::toString);

        JsonObject before = flows.counts();
        assertError(upload(member, item(BigInteger.valueOf(8), 400), item(BigInteger.valueOf(9), 400)), 413,
                "P2CORE_PAYLOAD_TOO_LARGE");
        assertError(upload(member, item(BigInteger.valueOf(8), 900), item(BigInteger.valueOf(9), 200)), 413,
                "P2CORE_PAYLOAD_TOO_LARGE");
        assertError(upload(member, item(BigInteger.valueOf(8), 10), item(large, 10)), 409, "P2CORE_DUPLICATE");
        assertError(http.send("POST", ".p2/core/v1/session/keymaterial/", "[{\"serial_number\":[256],"
                + "\"key_data\":\"x\"}]", member.token(), null), 400, "P2CORE_BAD_REQUEST");
        assertEquals(before.getJsonNumber("p2_key_material"), flows.counts().getJsonNumber("p2_key_material"));

        JsonArray all = http.send("GET", ".p2/core/v1/session/keymaterial/", "[]", member.token(), null).array();
        assertEquals(2, all.size(), all::toString);
        assertEquals(serialBytes(BigInteger.valueOf(7)), all.getJsonObject(0).getJsonArray("serial_number"));
        JsonArray one = http.send("GET", ".p2/core/v1/session/keymaterial/", "[" + large + "]", member.token(),
                null).array();
        assertEquals(1, one.size(), one::toString);
        assertEquals(serialBytes(large), one.getJsonObject(0).getJsonArray("serial_number"));
        assertEquals("k".repeat(400), one.getJsonObject(0).getString("key_data"));
        assertEquals(0, http.send("GET", ".p2/core/v1/session/keymaterial?serials=7",
                null, flows.member(Flows.uniqueName("pkm-other"), "s1").token(), null).array().size(),
                "another actor sees none of it");

        Http.Reply deleted = http.send("DELETE", ".p2/core/v1/session/keymaterial/", "[7]", member.token(), null);
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals(1, http.send("GET", ".p2/core/v1/session/keymaterial/", null, member.token(), null).array()
                .size());
        assertError(http.send("GET", ".p2/core/v1/session/keymaterial/", "[]", null, null), 401,
                "P2CORE_UNAUTHORIZED");
    }

    @Test
    void servicesAreListedWithOnePrimaryAndDiscoveredByAnyone() {
        Flows.Member member = flows.member(Flows.uniqueName("svc"), "s1");
        String base = ".p2/core/v1/services/";
        Http.Reply first = http.send("POST", base, service("polyproto-chat", "https://Chat.Example", false),
                member.token(), null);
        assertEquals(201, first.status(), first::toString);
        assertEquals(Json.createArrayBuilder().add(serviceJson("polyproto-chat", "https://chat.example/", true))
                .build(), first.array(), "the first of a name is primary, its URL written as url::Url does");
        Http.Reply second = http.send("POST", base, service("polyproto-chat", "https://two.example/", true),
                member.token(), null);
        assertEquals(Json.createArrayBuilder().add(serviceJson("polyproto-chat", "https://two.example/", true))
                .add(serviceJson("polyproto-chat", "https://chat.example/", false)).build(), second.array());
        assertError(http.send("POST", base, service("polyproto-chat", "https://two.example/", false),
                member.token(), null), 409, "P2CORE_DUPLICATE");
        assertError(http.send("POST", base, "{\"service\":\"Bad Name\",\"url\":\"https://x.example/\"}",
                member.token(), null), 400, "P2CORE_BAD_REQUEST");

        Http.Reply discovered = http.send("GET", base + "discover/" + member.name() + "@" + Flows.DOMAIN,
                "{\"limit\":1}", null, null);
        assertEquals(200, discovered.status(), discovered::toString);
        assertEquals(1, discovered.array().size(), discovered::toString);
        assertEquals("https://two.example/", discovered.array().getJsonObject(0).getString("url"));
        assertEquals(2, http.get(base + "discover/" + member.name() + "@" + Flows.DOMAIN + "/polyproto-chat")
                .array().size());

        Http.Reply primary = http.send("PUT", base + "primary/", "{\"url\":\"https://chat.example/\",\"name\":"
                + "{\"inner\":\"polyproto-chat\"}}", member.token(), null);
        assertEquals(200, primary.status(), primary::toString);
        Http.Reply deleted = http.send("DELETE", base, "{\"url\":\"https://chat.example/\",\"name\":"
                + "\"polyproto-chat\"}", member.token(), null);
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals(serviceJson("polyproto-chat", "https://two.example/", true),
                deleted.object().getJsonObject("new_primary"));
        assertError(http.get(base + "discover/nobody-here@" + Flows.DOMAIN), 404, "P2CORE_ACTOR_NOT_FOUND");
    }

    @Test
    void aCompletedKeyTrialIsLoggedAndReadByAnyoneOnceItExpired() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("trial"), "s1");
        String serial = CoreV1ClientIT.x509(member.idCert()).getSerialNumber().toString();
        JsonObject trial = http.get(".p2/core/v1/session/auth/").object();
        String text = trial.getString("trial");
        JsonObject before = flows.counts();

        String wrong = http.get(".p2/core/v1/session/auth/").object().getString("trial");
        assertError(http.send("POST", ".p2/core/v1/keytrial/", Json.createObjectBuilder().add("trial", wrong)
                .add("signature", CoreV1ClientIT.hexSignature(member.key(), text)).add("serialNumber", serial)
                .build().toString(), member.token(), null), 401, "P2CORE_SIGNATURE_INVALID");
        assertEquals(before.getJsonNumber("p2_key_trial"), flows.counts().getJsonNumber("p2_key_trial"));

        String signature = CoreV1ClientIT.hexSignature(member.key(), text);
        Http.Reply completed = http.send("POST", ".p2/core/v1/keytrial/", Json.createObjectBuilder()
                .add("trial", text).add("signature", signature).add("serialNumber", serial).build().toString(),
                member.token(), null);
        assertEquals(201, completed.status(), completed::toString);
        String log = ".p2/core/v1/keytrial/" + member.name() + "@" + Flows.DOMAIN + "/";
        assertEquals(204, http.get(log).status(), "not while the trial runs");

        Thread.sleep((TRIAL_SECONDS + 1) * 1000);
        Http.Reply read = http.get(log + "?limit=10");
        assertEquals(200, read.status(), read::toString);
        JsonObject entry = read.array().getJsonObject(0);
        assertEquals(trial, entry.getJsonObject("keyTrial"));
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("signature", signature)
                .add("serialNumber", serial)).build(), entry.getJsonArray("keyTrialCompletion"));
        assertEquals(204, http.get(log + "?id=" + wrong).status());
        assertError(http.get(".p2/core/v1/keytrial/nobody-here@" + Flows.DOMAIN), 404, "P2CORE_ACTOR_NOT_FOUND");
    }

    private Http.Reply upload(Flows.Member member, JsonObject... items) {
        var array = Json.createArrayBuilder();
        for (JsonObject item : items) {
            array.add(item);
        }
        return http.send("POST", ".p2/core/v1/session/keymaterial/", array.build().toString(), member.token(), null);
    }

    private static JsonObject item(BigInteger serial, int length) {
        return Json.createObjectBuilder().add("serial_number", serialBytes(serial)).add("key_data", "k".repeat(length))
                .build();
    }

    /** polyproto-rs's serial_number: the bytes of the serial's DER INTEGER content. */
    private static JsonArray serialBytes(BigInteger serial) {
        var bytes = Json.createArrayBuilder();
        for (byte b : serial.toByteArray()) {
            bytes.add(b & 0xff);
        }
        return bytes.build();
    }

    private static String service(String name, String url, boolean primary) {
        return Json.createObjectBuilder().add("service", Json.createObjectBuilder().add("inner", name))
                .add("url", url).add("primary", primary).build().toString();
    }

    private static JsonObject serviceJson(String name, String url, boolean primary) {
        return Json.createObjectBuilder().add("service", Json.createObjectBuilder().add("inner", name))
                .add("url", url).add("primary", primary).build();
    }

    private static String body(String... pairs) {
        var object = Json.createObjectBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            object.add(pairs[i], pairs[i + 1]);
        }
        return object.build().toString();
    }
}
