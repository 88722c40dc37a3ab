package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.testing.TestActor;

/**
 * The {@code /.p2/core/v1} routes driven the way polyproto-rs 0.11 drives them: its paths with their trailing
 * slashes, JSON bodies on GET and DELETE, no {@code Content-Type}, raw PEM bodies, and every answer read with its
 * model types' rules (field names, numbers as numbers, key-trial numbers as decimal strings, hex signatures). The
 * {@code cacheSignature}s are checked with the JDK's Ed25519, not BouncyCastle, which signed them.
 */
class CoreV1ClientIT extends DeployedHostTest {

    static final String API_URL = "https://localhost/.p2/core/";
    static final int MAX_FAILURES = 3;
    private static final String SENSITIVE = "X-P2-Sensitive-Solution";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("core-v1-it", Map.of("polyproto.discovery.api-url", API_URL,
                "polyproto.brute-force.max-failures", Integer.toString(MAX_FAILURES),
                "polyproto.brute-force.wait", "PT10M"));
    }

    @Test
    void discoveryNamesTheConfiguredApiUrl() {
        Http.Reply reply = http.get(".well-known/polyproto-core");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(API_URL, reply.object().getString("api"));
    }

    @Test
    void challengeHasANumericExpiry() {
        Http.Reply reply = http.get(".p2/core/v1/challenge/");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.object().getString("challenge").length() >= 32);
        assertTrue(reply.object().get("expires") instanceof JsonNumber, reply::toString);
    }

    @Test
    void theServerIdCertIsACacheableIdCertSignedByItsOwnKey() throws Exception {
        Http.Reply now = http.get(".p2/core/v1/idcert/server/");
        assertEquals(200, now.status(), now::toString);
        JsonObject cert = now.object();
        X509Certificate server = x509(cert.getString("idCertPem"));
        assertCacheable(cert, server);
        assertFalse(cert.containsKey("invalidatedAt"));

        long t = System.currentTimeMillis() / 1000;
        Http.Reply atTime = http.send("GET", ".p2/core/v1/idcert/server/", "{\"timestamp\":" + t + "}", null, null);
        assertEquals(200, atTime.status(), atTime::toString);
        assertEquals(server, x509(atTime.object().getString("idCertPem")));
        assertError(http.send("GET", ".p2/core/v1/idcert/server/", "{\"timestamp\":1}", null, null), 404,
                "P2CORE_NOT_FOUND");
    }

    @Test
    void actorIdCertsComeAsCacheableIdCertsOfTheAskedSession() throws Exception {
        Flows.Member laptop = flows.member(Flows.uniqueName("v1certs"), "laptop");
        Flows.Member phone = flows.session(laptop.name(), "phone");
        X509Certificate server = serverCertificate();

        Http.Reply all = http.get(".p2/core/v1/idcert/actor/" + laptop.fid());
        assertEquals(200, all.status(), all::toString);
        assertEquals(2, all.array().size(), all::toString);

        Http.Reply one = http.send("GET", ".p2/core/v1/idcert/actor/" + laptop.fid(),
                "{\"session_id\":\"phone\"}", null, null);
        assertEquals(200, one.status(), one::toString);
        assertEquals(1, one.array().size(), one::toString);
        JsonObject cert = one.array().getJsonObject(0);
        assertEquals(x509(phone.idCert()), x509(cert.getString("idCertPem")));
        assertCacheable(cert, server);

        Http.Reply byQuery = http.get(".p2/core/v1/idcert/actor/" + laptop.fid() + "?session_id=laptop");
        assertEquals(x509(laptop.idCert()), x509(byQuery.array().getJsonObject(0).getString("idCertPem")));
        assertError(http.get(".p2/core/v1/idcert/actor/nobody-here@" + Flows.DOMAIN), 404,
                "P2CORE_ACTOR_NOT_FOUND");
    }

    @Test
    void aKeyTrialCompletedWithTheSerialInDecimalOpensASession() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("v1trial"), "s1");
        Http.Reply trial = http.get(".p2/core/v1/session/auth/");
        assertEquals(200, trial.status(), trial::toString);
        String text = trial.object().getString("trial");
        String expires = trial.object().getString("expires");
        assertTrue(expires.matches("[1-9][0-9]*") && Long.parseLong(expires) > System.currentTimeMillis() / 1000,
                expires);

        String serial = x509(member.idCert()).getSerialNumber().toString();
        Http.Reply token = http.send("POST", ".p2/core/v1/session/auth/", Json.createObjectBuilder()
                .add("trial", text).add("signature", hexSignature(member.key(), text))
                .add("serialNumber", serial).add("fid", member.fid()).build().toString(), null, null);
        assertEquals(200, token.status(), token::toString);
        assertTrue(token.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertNotEquals(member.token(), token.body());
        assertOpensASession(token.body());

        assertError(http.send("POST", ".p2/core/v1/session/auth/", Json.createObjectBuilder()
                .add("trial", text).add("signature", hexSignature(member.key(), text))
                .add("serialNumber", serial).add("fid", member.fid()).build().toString(), null, null), 401,
                "P2CORE_CHALLENGE_INVALID");
        String other = http.get(".p2/core/v1/session/auth/").object().getString("trial");
        assertError(http.send("POST", ".p2/core/v1/session/auth/", Json.createObjectBuilder()
                .add("trial", other).add("signature", hexSignature(member.key(), other))
                .add("serialNumber", new BigInteger(serial).add(BigInteger.ONE).toString())
                .add("fid", member.fid()).build().toString(), null, null), 401, "P2CORE_IDCERT_INVALID");
    }

    @Test
    void aNewIdCertIsASensitiveActionAndARefusalChangesNothing() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("v1new"), "s1");
        TestActor s2 = TestActor.generate();
        String csr = s2.csrPem(member.name(), Flows.DOMAIN, "s2");
        JsonObject before = flows.counts();

        assertError(http.sendWithHeader("POST", ".p2/core/v1/idcert/", csr, member.token(), SENSITIVE, null), 401,
                "P2CORE_SENSITIVE_SOLUTION_REQUIRED");
        assertError(http.sendWithHeader("POST", ".p2/core/v1/idcert/", csr, member.token(), SENSITIVE,
                "not the password"), 403, "P2CORE_SENSITIVE_SOLUTION_INVALID");
        assertEquals(before.getJsonNumber("p2_id_cert"), flows.counts().getJsonNumber("p2_id_cert"));
        assertEquals(before.getJsonNumber("p2_session"), flows.counts().getJsonNumber("p2_session"));

        Http.Reply issued = http.sendWithHeader("POST", ".p2/core/v1/idcert/", csr, member.token(), SENSITIVE,
                Flows.PASSWORD);
        assertEquals(201, issued.status(), issued::toString);
        byte[] issuedKey = x509(issued.object().getString("id_cert")).getPublicKey().getEncoded();
        assertTrue(java.util.Arrays.equals(s2.publicKey(), java.util.Arrays.copyOfRange(issuedKey,
                issuedKey.length - 32, issuedKey.length)), "the ID-Cert is for the CSR's key");
        assertOpensASession(issued.object().getString("token"));
    }

    @Test
    void wrongSolutionsLockTheActorLikeWrongPasswords() {
        Flows.Member member = flows.member(Flows.uniqueName("v1lock"), "s1");
        String csr = TestActor.generate().csrPem(member.name(), Flows.DOMAIN, "s2");
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertError(http.sendWithHeader("POST", ".p2/core/v1/idcert/", csr, member.token(), SENSITIVE,
                    "guess " + i), 403, "P2CORE_SENSITIVE_SOLUTION_INVALID");
        }
        assertError(http.sendWithHeader("POST", ".p2/core/v1/idcert/", csr, member.token(), SENSITIVE,
                Flows.PASSWORD), 403, "P2CORE_SENSITIVE_SOLUTION_INVALID");
        assertError(flows.trustReply(member.name(), csr, Flows.PASSWORD), 401, "P2CORE_INVALID_CREDENTIALS");
    }

    @Test
    void rotationAndTheExternUpdateTakeRawPem() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("v1rot"), "s1");
        TestActor newKey = TestActor.generate();
        Http.Reply rotated = http.send("POST", ".p2/core/v1/session/idcert/",
                newKey.csrPem(member.name(), Flows.DOMAIN, "s1"), member.token(), null);
        assertEquals(201, rotated.status(), rotated::toString);
        String newCert = rotated.object().getString("id_cert");
        String newToken = rotated.object().getString("token");
        assertError(http.get("p2core/events", member.token()), 401, "P2CORE_UNAUTHORIZED");

        Http.Reply extern = http.send("PUT", ".p2/core/v1/session/idcert/extern", newCert, newToken, null);
        assertEquals(201, extern.status(), extern::toString);
        assertError(http.send("PUT", ".p2/core/v1/session/idcert/extern", member.idCert(), newToken, null), 401,
                "P2CORE_IDCERT_INVALID");
    }

    @Test
    void deletingASessionInvalidatesItsIdCertEarlyAndTellsTheOtherSessions() throws Exception {
        Flows.Member laptop = flows.member(Flows.uniqueName("v1del"), "laptop");
        Flows.Member phone = flows.session(laptop.name(), "phone");
        flows.events(laptop.token());
        X509Certificate server = serverCertificate();
        Thread.sleep(1_100); // a second between the phone's notBefore and its invalidatedAt, to ask for a time between
        long before = System.currentTimeMillis() / 1000;

        Http.Reply deleted = http.send("DELETE", ".p2/core/v1/session/", "{\"session_id\":\"phone\"}",
                laptop.token(), null);
        assertEquals(204, deleted.status(), deleted::toString);
        assertError(http.get("p2core/events", phone.token()), 401, "P2CORE_UNAUTHORIZED");
        assertError(http.send("DELETE", ".p2/core/v1/session/", "{\"session_id\":\"phone\"}", laptop.token(),
                null), 404, "P2CORE_NOT_FOUND");

        Http.Reply now = http.send("GET", ".p2/core/v1/idcert/actor/" + laptop.fid(), "{\"session_id\":\"phone\"}",
                null, null);
        assertEquals(0, now.array().size(), "no valid certificate of the deleted session now");
        Http.Reply earlier = http.send("GET", ".p2/core/v1/idcert/actor/" + laptop.fid(),
                "{\"session_id\":\"phone\",\"timestamp\":" + (before - 1) + "}", null, null);
        JsonObject revoked = earlier.array().getJsonObject(0);
        assertTrue(revoked.getJsonNumber("invalidatedAt").longValueExact() >= before, revoked::toString);
        assertCacheable(revoked, server);
        Http.Reply range = http.get(".p2/core/v1/idcert/actor/" + laptop.fid() + "?session_id=phone&notBefore="
                + (before - 1));
        assertEquals(200, range.status(), range::toString);
        assertEquals(1, range.array().size(), "valid for part of the range: " + range);
        assertTrue(range.array().getJsonObject(0).containsKey("invalidatedAt"), range::toString);

        List<JsonObject> events = flows.events(laptop.token());
        JsonObject event = events.stream().filter(e -> e.getString("t").equals("ACTOR_CERTIFICATE_INVALIDATION"))
                .findFirst().orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals(x509(phone.idCert()), x509(event.getJsonObject("d").getString("idCertPem")));
        assertCacheable(event.getJsonObject("d"), server);
    }

    @Test
    void theServerKeyRotatesByPutAndBySensitivePost() throws Exception {
        Flows.Member admin = flows.administrator();
        Http.Reply put = http.send("PUT", ".p2/core/v1/key/server/", null, admin.token(), null);
        assertEquals(200, put.status(), put::toString);
        X509Certificate rotated = x509(put.string());
        assertEquals(rotated, x509(http.get(".p2/core/v1/idcert/server/").object().getString("idCertPem")));

        assertError(http.sendWithHeader("POST", ".p2/core/v1/key/server/", null, admin.token(), SENSITIVE, null),
                401, "P2CORE_SENSITIVE_SOLUTION_REQUIRED");
        assertEquals(rotated, serverCertificate(), "a refused rotation changes nothing");
        Http.Reply post = http.sendWithHeader("POST", ".p2/core/v1/key/server/", null, admin.token(), SENSITIVE,
                Flows.adminPassword());
        assertEquals(200, post.status(), post::toString);
        assertNotEquals(rotated, x509(post.string()));

        Flows.Member member = flows.member(Flows.uniqueName("v1notadmin"), "s1");
        assertError(http.send("PUT", ".p2/core/v1/key/server/", null, member.token(), null), 403,
                "P2CORE_NOT_ADMINISTRATOR");
    }

    @Test
    void unknownRoutesAndRoutesNotOfferedAnswerTheEnvelope() {
        assertError(http.get(".p2/core/v1/migration/data/"), 404, "P2CORE_NOT_FOUND");
        assertError(http.get(".p2/core/v1/resource/resources/"), 404, "P2CORE_NOT_FOUND");
        assertError(http.send("PATCH", ".p2/core/v1/challenge/", null, null, null), 405,
                "P2CORE_METHOD_NOT_ALLOWED");
        assertError(http.send("DELETE", ".p2/core/v1/session/", "{\"session_id\":\"x\"}", null, null), 401,
                "P2CORE_UNAUTHORIZED");
    }

    /**
     * The token authenticates: the events route answers 200 or 204, not 401 (a session opened in the second of a
     * server-key rotation may get its broadcast).
     */
    private void assertOpensASession(String token) {
        int status = http.get("p2core/events", token).status();
        assertTrue(status == 200 || status == 204, "the token opened a session: " + status);
    }

    /** The cache fields as JSON numbers, a window that has begun, and the signature over the documented text. */
    static void assertCacheable(JsonObject cert, X509Certificate signer) throws Exception {
        assertTrue(cert.get("cacheNotValidBefore") instanceof JsonNumber, cert::toString);
        assertTrue(cert.get("cacheNotValidAfter") instanceof JsonNumber, cert::toString);
        JsonValue invalidatedAt = cert.get("invalidatedAt");
        assertTrue(invalidatedAt == null || invalidatedAt instanceof JsonNumber, cert::toString);
        long nvb = cert.getJsonNumber("cacheNotValidBefore").longValueExact();
        long nva = cert.getJsonNumber("cacheNotValidAfter").longValueExact();
        long now = System.currentTimeMillis() / 1000;
        assertTrue(nvb <= now + 1 && nva > now && nva <= now + 301, cert::toString);
        String signed = x509(cert.getString("idCertPem")).getSerialNumber().toString() + nvb + nva
                + (invalidatedAt == null ? "" : ((JsonNumber) invalidatedAt).bigIntegerValueExact().toString());
        String hex = cert.getString("cacheSignature");
        assertTrue(hex.matches("[0-9a-f]{128}"), hex);
        Signature jdk = Signature.getInstance("Ed25519", "SunEC");
        jdk.initVerify(signer.getPublicKey());
        jdk.update(signed.getBytes(StandardCharsets.UTF_8));
        assertTrue(jdk.verify(HexFormat.of().parseHex(hex)), "cacheSignature over " + signed);
    }

    private X509Certificate serverCertificate() throws Exception {
        return x509(http.get(".p2/core/v1/idcert/server/").object().getString("idCertPem"));
    }

    static X509Certificate x509(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** What polyproto-rs sends: the trial's UTF-8 bytes signed, lower-case hex. */
    static String hexSignature(TestActor key, String trial) {
        return HexFormat.of().formatHex(key.sign(trial.getBytes(StandardCharsets.UTF_8)));
    }
}
