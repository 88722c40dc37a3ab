package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.testing.PolyprotoRsEncoding;
import org.polyproto.jakarta.testing.TestActor;

/**
 * The identity routes end to end: the packaged module in a host WAR, on the application server, over HTTP, on the
 * configured database. Every refused request is also checked to have persisted nothing. Each subclass deploys one
 * kind of host: the example host on the module's defaults, or a host with its own users and stores.
 */
abstract class IdentityRoutes extends DeployedHostTest {

    // ---- register ----

    @Test
    void registerCreatesTheActorAndAnswersItsFederationId() {
        String name = Flows.uniqueName("reg");
        JsonObject before = flows.counts();
        Http.Reply reply = http.post("p2core/register", "{\"actor_name\":\"" + name.toUpperCase() + "\","
                + "\"password\":\"s3cr3t-s3cr3t\"}");
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(name + "@" + Flows.DOMAIN, reply.object().getString("fid"));
        assertFalse(reply.object().containsKey("payload"));
        assertEquals(before.getInt("p2_actor") + 1, flows.counts().getInt("p2_actor"));
    }

    @Test
    void registerTakesJsonWhateverTheContentTypeAndAPasswordInsideTheAuthPayload() {
        String name = Flows.uniqueName("ctype");
        Http.Reply reply = http.send("POST", "p2core/register", "{\"actor_name\":\"" + name + "\","
                + "\"auth_payload\":{\"password\":\"long enough\"}}", null, "text/plain");
        assertEquals(201, reply.status(), reply::toString);
        TestActor key = TestActor.generate();
        Http.Reply trust = flows.trustReply(name, key.csrPem(name, Flows.DOMAIN, "s1"), "long enough");
        assertEquals(201, trust.status(), "the password given in auth_payload was stored: " + trust);
    }

    @Test
    void registerRefusesATakenNameCaseInsensitivelyAndStoresNothing() {
        String name = Flows.uniqueName("taken");
        flows.register(name);
        JsonObject before = flows.counts();
        Http.Reply reply = http.post("p2core/register", "{\"actor_name\":\"" + name.toUpperCase() + "\"}");
        assertError(reply, 409, "P2CORE_FEDERATION_ID_TAKEN");
        assertEquals(before, flows.counts());
    }

    @Test
    void registerChecksPasswordLengthBeforeHashingAndJsonShape() {
        JsonObject before = flows.counts();
        String name = Flows.uniqueName("pw");
        assertError(http.post("p2core/register", "{\"actor_name\":\"" + name + "\",\"password\":\"short\"}"),
                400, "P2CORE_BAD_REQUEST");
        assertError(http.post("p2core/register", "{\"actor_name\":\"" + name + "\",\"password\":\""
                + "p".repeat(1025) + "\"}"), 400, "P2CORE_BAD_REQUEST");
        assertError(http.post("p2core/register", "{\"actor_name\":"), 400, "P2CORE_BAD_REQUEST");
        assertError(http.post("p2core/register", "{\"actor_name\":42}"), 400, "P2CORE_BAD_REQUEST");
        assertError(http.post("p2core/register", "{}"), 400, "P2CORE_BAD_REQUEST");
        assertError(http.post("p2core/register", "{\"actor_name\":\"a\",\"actor_name\":\"b\"}"), 400,
                "P2CORE_BAD_REQUEST");
        assertError(http.post("p2core/register", "{\"actor_name\":\"" + name + "\"}{\"x\":1}"), 400,
                "P2CORE_BAD_REQUEST");
        assertEquals(before, flows.counts());
    }

    @Test
    void bodiesOverTheCapAreRefusedBeforeParsing() {
        JsonObject before = flows.counts();
        String huge = "{\"actor_name\":\"" + "a".repeat(70_000) + "\"}";
        assertError(http.post("p2core/register", huge), 413, "P2CORE_PAYLOAD_TOO_LARGE");
        assertEquals(before, flows.counts());
    }

    // ---- challenge ----

    @Test
    void challengeIsSixtyFourAlphanumericsWithItsExpiry() {
        long now = Instant.now().getEpochSecond();
        Http.Reply reply = http.get("p2core/challenge");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject json = reply.object();
        assertTrue(json.getString("challenge").matches("[A-Za-z0-9]{64}"), json::toString);
        long expires = json.getJsonNumber("expires").longValue();
        assertEquals(Long.toString(expires), json.getString("lifetime_unix"));
        assertTrue(expires >= now + 290 && expires <= now + 310, json::toString);
        assertNotEquals(json.getString("challenge"), flows.challenge());
    }

    // ---- trust: ID-Cert issuance ----

    @Test
    void trustIssuesAnIdCertThatTheJdkVerifiesUnderTheServerCert() throws Exception {
        String name = Flows.uniqueName("jdk");
        Flows.Member member = flows.member(name, "laptop");
        X509Certificate cert = x509(member.idCert());
        X509Certificate server = x509(http.get("p2core/key/server").string());

        cert.verify(server.getPublicKey());
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(server.getPublicKey());
        jdk.update(cert.getTBSCertificate());
        assertTrue(jdk.verify(cert.getSignature()));
        assertEquals("Ed25519", cert.getSigAlgName());
        assertEquals(Set.of("2.5.29.19", "2.5.29.15"), cert.getCriticalExtensionOIDs());
        assertTrue(cert.getNonCriticalExtensionOIDs() == null || cert.getNonCriticalExtensionOIDs().isEmpty());
        assertEquals(-1, cert.getBasicConstraints());
        assertTrue(cert.getKeyUsage()[0], "digitalSignature");
        assertFalse(cert.getKeyUsage()[5], "keyCertSign");
        assertEquals(server.getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertTrue(cert.getSerialNumber().signum() > 0 && cert.getSerialNumber().toByteArray().length <= 20);
        long now = System.currentTimeMillis();
        Within.assertWithin(now + 30L * 24 * 3600 * 1000, cert.getNotAfter().getTime(), 10_000, "30 days by default");
        assertTrue(cert.getNotBefore().getTime() <= now && cert.getNotBefore().getTime() >= now - 62_000,
                "back-dated by at most 60 s, never before the server cert");
        assertFalse(cert.getNotBefore().before(server.getNotBefore()));
        assertTrue(member.idCert().startsWith("-----BEGIN CERTIFICATE-----\n") && !member.idCert().contains("\r"));
        byte[] key = cert.getPublicKey().getEncoded();
        byte[] raw = java.util.Arrays.copyOfRange(key, key.length - 32, key.length);
        assertTrue(java.util.Arrays.equals(member.key().publicKey(), raw), "the CSR's key was certified");

        server.verify(server.getPublicKey());
        assertEquals(0, server.getBasicConstraints());
        assertTrue(server.getKeyUsage()[5], "keyCertSign");
        assertEquals(server.getSubjectX500Principal(), server.getIssuerX500Principal());
        assertEquals("DC=" + Flows.DOMAIN.replace(".", ",DC="), server.getSubjectX500Principal().getName());
    }

    @Test
    void trustAcceptsACsrMadeByTheOpensslCommandLine() throws Exception {
        String name = Flows.uniqueName("ossl");
        flows.register(name);
        Path dir = Files.createTempDirectory("openssl");
        run(dir, "openssl", "genpkey", "-algorithm", "ed25519", "-out", "key.pem");
        run(dir, "openssl", "req", "-new", "-key", "key.pem", "-out", "csr.pem", "-subj",
                "/CN=" + name + dcPath() + "/UID=" + name + "@" + Flows.DOMAIN
                        + "/0.9.2342.19200300.100.1.44=openssl-session");
        String csr = Files.readString(dir.resolve("csr.pem"));
        Http.Reply reply = flows.trustReply(name, csr, Flows.PASSWORD);
        assertEquals(201, reply.status(), reply::toString);
        assertTrue(x509(reply.object().getString("id_cert")).getSubjectX500Principal().getName()
                .contains(name + "@" + Flows.DOMAIN));

        run(dir, "openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "p256.pem", "-out", "p256.csr", "-subj", "/CN=" + name + dcPath() + "/UID=" + name + "@"
                        + Flows.DOMAIN + "/0.9.2342.19200300.100.1.44=p256-session");
        JsonObject before = flows.counts();
        assertError(flows.trustReply(name, Files.readString(dir.resolve("p256.csr")), Flows.PASSWORD), 400,
                "P2CORE_UNSUPPORTED_ALGORITHM");
        assertEquals(before, flows.counts());
    }

    @Test
    void trustAcceptsACsrEncodedTheWayPolyprotoRsEncodesIt() throws Exception {
        String name = Flows.uniqueName("rs");
        flows.register(name);
        byte[] seed = new byte[32];
        new java.security.SecureRandom().nextBytes(seed);
        byte[] csr = PolyprotoRsEncoding.actorCsr(seed, name, Flows.DOMAIN, "rs-client");
        Http.Reply reply = flows.trustReply(name, Base64.getEncoder().encodeToString(csr), Flows.PASSWORD);
        assertEquals(201, reply.status(), reply::toString);
        X509Certificate cert = x509(reply.object().getString("id_cert"));
        cert.verify(x509(http.get("p2core/key/server").string()).getPublicKey());
        byte[] key = cert.getPublicKey().getEncoded();
        assertTrue(java.util.Arrays.equals(PolyprotoRsEncoding.publicKey(seed),
                java.util.Arrays.copyOfRange(key, key.length - 32, key.length)));
    }

    @Test
    void trustRefusesWrongCredentialsAndStoresNothing() {
        String name = Flows.uniqueName("cred");
        flows.register(name);
        TestActor key = TestActor.generate();
        String csr = key.csrPem(name, Flows.DOMAIN, "s1");
        JsonObject before = flows.counts();
        assertError(flows.trustReply(name, csr, "wrong password!"), 401, "P2CORE_INVALID_CREDENTIALS");
        assertError(flows.trustReply(name, csr, null), 401, "P2CORE_INVALID_CREDENTIALS");
        String stranger = Flows.uniqueName("nobody");
        assertError(flows.trustReply(stranger, key.csrPem(stranger, Flows.DOMAIN, "s1"), Flows.PASSWORD), 401,
                "P2CORE_INVALID_CREDENTIALS");
        assertEquals(before, flows.counts());
    }

    @Test
    void trustRefusesBadCsrsAndStoresNothing() {
        String name = Flows.uniqueName("csr");
        flows.register(name);
        TestActor key = TestActor.generate();
        JsonObject before = flows.counts();
        assertError(flows.trustReply(name, key.csrPem("someone-else", Flows.DOMAIN, "s1"), Flows.PASSWORD), 400,
                "P2CORE_CSR_INVALID");
        assertError(flows.trustReply(name, key.csrPem(name, "other.example", "s1"), Flows.PASSWORD), 400,
                "P2CORE_CSR_INVALID");
        byte[] der = key.csrDer(TestActor.subject(name, Flows.DOMAIN, "s1"));
        der[der.length - 1] ^= 1;
        assertError(flows.trustReply(name, TestActor.pem(der), Flows.PASSWORD), 400, "P2CORE_CSR_INVALID");
        byte[] ca = key.csrDer(TestActor.subject(name, Flows.DOMAIN, "s1"), Extension.basicConstraints,
                new DERSequence(ASN1Boolean.TRUE));
        assertError(flows.trustReply(name, TestActor.pem(ca), Flows.PASSWORD), 400, "P2CORE_CSR_INVALID");
        assertError(flows.trustReply(name, key.csrPem(name, Flows.DOMAIN, "x".repeat(33)), Flows.PASSWORD), 400,
                "P2CORE_CSR_INVALID");
        assertError(flows.trustReply(name, "not a csr", Flows.PASSWORD), 400, "P2CORE_CSR_INVALID");
        assertEquals(before, flows.counts());
    }

    @Test
    void trustAcceptsBase64DerAndRefusesASessionIdThatHasAValidCert() {
        String name = Flows.uniqueName("sid");
        flows.register(name);
        TestActor key = TestActor.generate();
        String base64Der = Base64.getEncoder().encodeToString(key.csrDer(TestActor.subject(name, Flows.DOMAIN,
                "phone")));
        assertEquals(201, flows.trustReply(name, base64Der, Flows.PASSWORD).status());
        JsonObject before = flows.counts();
        assertError(flows.trustReply(name, TestActor.generate().csrPem(name, Flows.DOMAIN, "phone"),
                Flows.PASSWORD), 409, "P2CORE_SESSION_ID_TAKEN");
        assertEquals(before, flows.counts());
    }

    // ---- key/actor ----

    @Test
    void actorCertsAreListedNowAndAtPastTimesAndBySession() {
        String name = Flows.uniqueName("certs");
        Instant beforeIssue = Instant.now().minusSeconds(3600);
        Flows.Member member = flows.member(name, "desk");
        TestActor second = TestActor.generate();
        String secondCert = flows.trustReply(name, second.csrPem(name, Flows.DOMAIN, "tablet"), Flows.PASSWORD)
                .object().getString("id_cert");
        String fid = member.fid();

        Http.Reply now = http.get("p2core/key/actor/" + fid);
        assertEquals(200, now.status(), now::toString);
        assertEquals(Set.of(member.idCert(), secondCert), Set.copyOf(strings(now)));
        assertEquals(strings(now), strings(http.get("p2core/key/actor/" + URLEncoder.encode(fid,
                StandardCharsets.UTF_8).toUpperCase())));
        assertEquals(List.of(secondCert), strings(http.get("p2core/key/actor/" + fid + "?session_id=tablet")));
        assertEquals(List.of(), strings(http.get("p2core/key/actor/" + fid + "?timestamp="
                + beforeIssue.getEpochSecond())));
        assertEquals(Set.of(member.idCert(), secondCert), Set.copyOf(strings(http.send("GET",
                "p2core/key/actor/" + fid, "{\"timestamp\":\"" + Instant.now().getEpochSecond() + "\"}", null,
                null))));
        assertError(http.get("p2core/key/actor/" + fid + "?timestamp=yesterday"), 400, "P2CORE_BAD_REQUEST");
        assertError(http.get("p2core/key/actor/" + fid + "?timestamp=-5"), 400, "P2CORE_BAD_REQUEST");
        assertError(http.get("p2core/key/actor/nobody-here@" + Flows.DOMAIN), 404, "P2CORE_ACTOR_NOT_FOUND");
        assertError(http.get("p2core/key/actor/" + name + "@elsewhere.example"), 404, "P2CORE_ACTOR_NOT_FOUND");
        assertError(http.get("p2core/key/actor/not-a-fid"), 400, "P2CORE_INVALID_FEDERATION_ID");
    }

    // ---- identify, revoke ----

    @Test
    void identifyGivesATokenThatRevokesOnce() {
        Flows.Member member = flows.member(Flows.uniqueName("ident"), "s1");
        JsonObject before = flows.counts();
        Http.Reply reply = flows.identify(member);
        assertEquals(201, reply.status(), reply::toString);
        String token = reply.object().getString("token");
        assertTrue(token.length() >= 43, token);
        assertEquals(before.getInt("p2_session"), flows.counts().getInt("p2_session"),
                "the identify replaced the trust session of the same session ID");
        assertEquals(401, http.put("p2core/session/revoke", null, member.token()).status(),
                "the trust token was replaced");

        Http.Reply revoke = http.put("p2core/session/revoke", null, token);
        assertEquals(204, revoke.status(), revoke::toString);
        Http.Reply again = http.put("p2core/session/revoke", null, token);
        assertError(again, 401, "P2CORE_UNAUTHORIZED");
        assertEquals("Bearer", again.headers().firstValue("WWW-Authenticate").orElse(""));
        assertError(http.put("p2core/session/revoke", null, null), 401, "P2CORE_UNAUTHORIZED");
        assertEquals(before.getInt("p2_session") - 1, flows.counts().getInt("p2_session"));
    }

    @Test
    void revokeAllEndsEverySessionOfTheActorAndNoOtherActors() {
        Flows.Member first = flows.member(Flows.uniqueName("lost"), "s1");
        Flows.Member second = flows.session(first.name(), "s2");
        Flows.Member bystander = flows.member(Flows.uniqueName("other"), "s1");

        assertEquals(204, http.put("p2core/session/revoke-all", "", second.token()).status());
        for (Flows.Member revoked : new Flows.Member[] {first, second}) {
            assertError(http.get("p2core/events", revoked.token()), 401, "P2CORE_UNAUTHORIZED");
        }
        assertEquals(0, Integer.parseInt(http.get("test-probe/rows/p2_session/" + first.fid()).body()));
        assertEquals(204, http.get("p2core/events", bystander.token()).status());
        assertError(http.put("p2core/session/revoke-all", "", second.token()), 401, "P2CORE_UNAUTHORIZED");
    }

    @Test
    void identifyAcceptsEveryChallengeShapeAndSignatureEncoding() {
        Flows.Member member = flows.member(Flows.uniqueName("shapes"), "s1");
        String c1 = flows.challenge();
        byte[] sig1 = member.key().sign(c1.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, http.post("p2core/session/identify", "{\"challenge\":{\"challenge\":\"" + c1
                + "\",\"signature\":\"" + HexFormat.of().formatHex(sig1) + "\"},\"id_cert\":\""
                + Base64.getEncoder().encodeToString(member.idCert().getBytes(StandardCharsets.US_ASCII))
                + "\"}").status());
        String c2 = flows.challenge();
        byte[] sig2 = member.key().sign(c2.getBytes(StandardCharsets.UTF_8));
        Http.Reply flat = http.post("p2core/session/identify", Json.createObjectBuilder().add("challenge", c2)
                .add("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(sig2))
                .add("id_cert", member.idCert()).build().toString());
        assertEquals(201, flat.status(), flat::toString);
    }

    @Test
    void identifyRefusalsBurnTheChallengeAndOpenNoSession() {
        Flows.Member member = flows.member(Flows.uniqueName("refuse"), "s1");
        JsonObject before = flows.counts();

        String challenge = flows.challenge();
        TestActor impostor = TestActor.generate();
        assertError(http.post("p2core/session/identify", Flows.identifyBody(challenge,
                impostor.signChallenge(challenge), member.idCert())), 401, "P2CORE_SIGNATURE_INVALID");
        assertError(http.post("p2core/session/identify", Flows.identifyBody(challenge,
                member.key().signChallenge(challenge), member.idCert())), 401, "P2CORE_CHALLENGE_INVALID");

        String unknown = "A".repeat(64);
        assertError(http.post("p2core/session/identify", Flows.identifyBody(unknown,
                member.key().signChallenge(unknown), member.idCert())), 401, "P2CORE_CHALLENGE_INVALID");

        String c3 = flows.challenge();
        assertError(http.post("p2core/session/identify", Flows.identifyBody(c3, member.key().signChallenge(c3),
                "!!garbage!!")), 400, "P2CORE_IDCERT_MALFORMED");
        String c4 = flows.challenge();
        assertError(http.post("p2core/session/identify", Flows.identifyBody(c4, "AAAA", member.idCert())), 400,
                "P2CORE_BAD_REQUEST");
        assertError(http.post("p2core/session/identify", Flows.identifyBody("short", "AAAA", member.idCert())),
                400, "P2CORE_BAD_REQUEST");

        JsonObject after = flows.counts();
        assertEquals(before.getInt("p2_session"), after.getInt("p2_session"));
        assertEquals(before.getInt("p2_id_cert"), after.getInt("p2_id_cert"));
    }

    // ---- key/server ----

    @Test
    void serverKeyIsServedNowAndByTimestamp() {
        Http.Reply now = http.get("p2core/key/server");
        assertEquals(200, now.status(), now::toString);
        String pem = now.string();
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"), pem);
        assertEquals(pem, http.get("p2core/key/server?timestamp=" + Instant.now().getEpochSecond()).string());
        assertEquals(pem, http.send("GET", "p2core/key/server", "{\"timestamp\":" + Instant.now().getEpochSecond()
                + "}", null, null).string());
        assertError(http.get("p2core/key/server?timestamp=0"), 404, "P2CORE_NOT_FOUND");
        assertError(http.get("p2core/key/server?timestamp=abc"), 400, "P2CORE_BAD_REQUEST");
        assertError(http.get("p2core/key/server?timestamp=99999999999999999999"), 400, "P2CORE_BAD_REQUEST");
    }

    @Test
    void rotationNeedsAnAdministrator() {
        Flows.Member member = flows.member(Flows.uniqueName("notadmin"), "s1");
        String before = http.get("p2core/key/server").string();
        assertError(http.put("p2core/key/server", null, member.token()), 403, "P2CORE_NOT_ADMINISTRATOR");
        assertError(http.put("p2core/key/server", null, null), 401, "P2CORE_UNAUTHORIZED");
        assertError(http.put("p2core/key/server", null, "made-up-token"), 401, "P2CORE_UNAUTHORIZED");
        assertEquals(before, http.get("p2core/key/server").string());
    }

    // ---- the host is left alone ----

    @Test
    void hostResourcesGetNoneOfTheModulesFiltersOrErrors() {
        Http.Reply hello = http.send("GET", "hello", null, "not-a-polyproto-token", null);
        assertEquals(200, hello.status(), hello::toString);
        assertEquals("hello from the host", hello.body());
        assertTrue(hello.headers().firstValue("WWW-Authenticate").isEmpty());
    }

    @Test
    void theRuntimesRefusalsUnderTheModulesPathsGetTheEnvelopeAndTheHostKeepsItsOwn() throws Exception {
        assertError(http.get("p2core/no-such-route"), 404, "P2CORE_NOT_FOUND");
        assertError(http.get("p2core"), 404, "P2CORE_NOT_FOUND");
        Http.Reply wrongMethod = http.send("DELETE", "p2core/challenge", null, null, null);
        assertError(wrongMethod, 405, "P2CORE_METHOD_NOT_ALLOWED");
        assertTrue(wrongMethod.headers().firstValue("Allow").orElse("").contains("GET"), wrongMethod::toString);
        JsonObject before = flows.counts();
        for (String accept : List.of("text/html;q=x", "application/json;q=1.5")) {
            Http.Reply reply = http.sendWithHeader("GET", "p2core/challenge", null, "Accept", accept);
            assertTrue(reply.body().startsWith("{"), () -> accept + ": " + reply);
            assertError(reply, 400, "P2CORE_BAD_REQUEST");
        }
        for (String type : List.of("text/html;q=x", "application/json;q=y")) {
            String body = "{\"actor_name\":\"" + Flows.uniqueName("ct") + "\"}";
            Http.Reply reply = http.send("POST", "p2core/register", body, null, type);
            assertTrue(reply.body().startsWith("{"), () -> type + ": " + reply);
            assertError(reply, 400, "P2CORE_BAD_REQUEST");
        }
        String name = Flows.uniqueName("unreadable");
        byte[] register = ("{\"actor_name\":\"" + name + "\",\"password\":\"" + Flows.PASSWORD + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String header : List.of("Content-Type: ", "Content-Type: ///", "Accept: ///",
                "Accept: text/html, application/json;q=x")) {
            RawHttp.Answer answer = RawHttp.exchange(base, "127.0.0.1", "POST", "p2core/register", register, false,
                    header);
            assertEquals(400, answer.status(), () -> header + ": " + answer);
            JsonObject envelope = Json.createReader(new java.io.StringReader(answer.body())).readObject();
            assertEquals("P2CORE_BAD_REQUEST", envelope.getString("error"), () -> header + ": " + answer);
        }
        assertEquals(before, flows.counts(), "nothing stored");
        assertEquals(200, http.sendWithHeader("GET", "p2core/challenge", null, "Accept",
                "text/html;q=0.9, */*;q=0.1").status(), "a well-formed Accept is served JSON");

        Http.Reply hostMissing = http.get("no-such-host-route");
        assertEquals(404, hostMissing.status());
        assertFalse(hostMissing.body().contains("P2CORE"), hostMissing::toString);
        Http.Reply hostMethod = http.send("DELETE", "hello", null, null, null);
        assertEquals(405, hostMethod.status());
        assertFalse(hostMethod.body().contains("P2CORE"), hostMethod::toString);
        Http.Reply hostHeader = http.sendWithHeader("GET", "hello", null, "Accept", "///");
        assertFalse(hostHeader.body().contains("P2CORE"), hostHeader::toString);
    }

    @Test
    void theExampleHostServesTheModulesOpenApiDocument() {
        Http.Reply reply = http.get("openapi");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("3.1.0", reply.object().getString("openapi"));
        assertTrue(reply.object().getJsonObject("paths").containsKey("/p2core/session/identify"));
    }

    // ---- helpers ----

    static void assertError(Http.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply::toString);
        JsonObject json = reply.object();
        assertEquals(status, json.getInt("errcode"), reply::toString);
        assertEquals(code, json.getString("error"), reply::toString);
        String message = json.getString("message");
        assertFalse(message.isBlank() || message.contains("Exception") || message.contains("org.")
                || message.toLowerCase().contains("select "), message);
    }

    static List<String> strings(Http.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.array().getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    static X509Certificate x509(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    static <T> List<T> inParallel(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String dcPath() {
        StringBuilder path = new StringBuilder();
        String[] labels = Flows.DOMAIN.split("\\.");
        for (int i = labels.length - 1; i >= 0; i--) {
            path.append("/DC=").append(labels[i]);
        }
        return path.toString();
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + ": " + out);
    }

}
