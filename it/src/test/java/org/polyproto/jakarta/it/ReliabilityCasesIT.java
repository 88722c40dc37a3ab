package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;
import static org.polyproto.jakarta.it.IdentityRoutes.inParallel;
import static org.polyproto.jakarta.it.IdentityRoutes.strings;
import static org.polyproto.jakarta.it.IdentityRoutes.x509;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.testing.TestActor;

/**
 * The cases of {@code docs/reliability-cases.md}, one test each, named by their number. Cases 9, 20, 21 and 28 live
 * beside the features they exercise (ServerKeyRotationIT, RateLimitIT, KeyPackagesAndEventsIT), 30 and 31 in
 * DatabaseFaultIT. Every refusal is checked for the contract's envelope and for what it left in the tables.
 */
class ReliabilityCasesIT extends DeployedHostTest {

    private static final BigInteger L = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("reliability-it", ShiftedClock.class, ShiftedClock.Control.class);
    }

    @AfterEach
    void realTime() {
        moveClockTo(0);
    }

    // ---- identify: the challenge ----

    @Test
    void case01_anExpiredChallengeIsRefusedBeforeAnyStoreAndOpensNoSession() {
        Flows.Member member = flows.member(Flows.uniqueName("c01"), "s1");
        String challenge = flows.challenge();
        JsonObject before = flows.counts();
        moveClockTo(Instant.now().getEpochSecond() + 301);
        try {
            assertError(identify(challenge, member.key().signChallenge(challenge), member.idCert()), 401,
                    "P2CORE_CHALLENGE_INVALID");
        } finally {
            moveClockTo(0);
        }
        JsonObject after = flows.counts();
        assertEquals(before.getInt("p2_session"), after.getInt("p2_session"));
        // no use recorded; the sweep this identify ran at the moved clock may have removed older records
        assertTrue(after.getInt("p2_challenge") <= before.getInt("p2_challenge"), after::toString);
    }

    @Test
    void case02_aCompletedChallengeReplayedAfterSuccessIsRefused() {
        Flows.Member member = flows.member(Flows.uniqueName("c02"), "s1");
        String challenge = flows.challenge();
        String body = Flows.identifyBody(challenge, member.key().signChallenge(challenge), member.idCert());
        assertEquals(201, http.post("p2core/session/identify", body).status());
        assertError(http.post("p2core/session/identify", body), 401, "P2CORE_CHALLENGE_INVALID");
        assertEquals(1, rows("p2_session", member.fid()));
    }

    @Test
    void case03_fiftyParallelIdentifiesWithOneChallengeGiveExactlyOneSession() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("c03"), "s1");
        String challenge = flows.challenge();
        String body = Flows.identifyBody(challenge, member.key().signChallenge(challenge), member.idCert());
        List<Http.Reply> replies = inParallel(50, () -> http.post("p2core/session/identify", body));
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        assertTrue(replies.stream().filter(r -> r.status() != 201).allMatch(r -> r.status() == 401
                && r.error().equals("P2CORE_CHALLENGE_INVALID")), replies::toString);
        assertEquals(1, rows("p2_session", member.fid()));
    }

    @Test
    void case04_aNeverIssuedChallengeLooksLikeAUsedOne() {
        Flows.Member member = flows.member(Flows.uniqueName("c04"), "s1");
        String used = flows.challenge();
        String body = Flows.identifyBody(used, member.key().signChallenge(used), member.idCert());
        assertEquals(201, http.post("p2core/session/identify", body).status());
        Http.Reply replayed = http.post("p2core/session/identify", body);

        String never = randomAlphanumerics(64);
        JsonObject before = flows.counts();
        Http.Reply unknown = identify(never, member.key().signChallenge(never), member.idCert());
        assertError(unknown, 401, "P2CORE_CHALLENGE_INVALID");
        assertEquals(replayed.body(), unknown.body(), "unknown and used challenges get the same answer");
        assertEquals(before, flows.counts());
    }

    @Test
    void case05_challengesOfTheWrongShapeAreBadRequestsBeforeAnyCrypto() {
        Flows.Member member = flows.member(Flows.uniqueName("c05"), "s1");
        JsonObject before = flows.counts();
        for (String bad : List.of("A".repeat(31), "A".repeat(257), "é".repeat(64), "A".repeat(63) + "-")) {
            assertError(identify(bad, member.key().signChallenge(bad), member.idCert()), 400, "P2CORE_BAD_REQUEST");
        }
        assertEquals(before, flows.counts());
    }

    // ---- identify: the signature ----

    @Test
    void case06_aSignatureByAnotherKeyBurnsTheChallengeAndOpensNoSession() {
        Flows.Member member = flows.member(Flows.uniqueName("c06"), "s1");
        String challenge = flows.challenge();
        JsonObject before = flows.counts();
        assertError(identify(challenge, TestActor.generate().signChallenge(challenge), member.idCert()), 401,
                "P2CORE_SIGNATURE_INVALID");
        assertBurntWithoutSession(before, challenge, member);
    }

    @Test
    void case07_malleatedMisSizedAndNonBase64SignaturesAreRefusedNever500() {
        Flows.Member member = flows.member(Flows.uniqueName("c07"), "s1");
        String challenge = flows.challenge();
        byte[] signature = member.key().sign(challenge.getBytes(StandardCharsets.UTF_8));
        assertError(identify(challenge, b64(malleate(signature)), member.idCert()), 401, "P2CORE_SIGNATURE_INVALID");
        JsonObject before = flows.counts();
        for (String bad : List.of(b64(Arrays.copyOf(signature, 63)), b64(Arrays.copyOf(signature, 65)),
                "!!not base64!!", "")) {
            String c = flows.challenge();
            assertError(identify(c, bad, member.idCert()), 400, "P2CORE_BAD_REQUEST");
        }
        assertEquals(before.getInt("p2_session"), flows.counts().getInt("p2_session"));
        assertEquals(201, flows.identify(member).status(), "the actor itself still gets in");
    }

    // ---- identify: the ID-Cert ----

    @Test
    void case08_anIdCertSignedByAKeyOtherThanTheHomeServersIsInvalid() {
        String name = Flows.uniqueName("c08");
        flows.register(name);
        TestActor actor = TestActor.generate();
        byte[] forged = TestActor.generate().certificate(serverName(), TestActor.subject(name, Flows.DOMAIN, "s1"),
                actor.subjectPublicKeyInfo(), Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600),
                actorExtensions());
        assertRefused(actor, forged, 401, "P2CORE_IDCERT_INVALID");
    }

    @Test
    void anIdCertSignedByTheServerKeyThatReusesAnIssuedSerialIsNotTheIssuedOne() {
        Flows.Member victim = flows.member(Flows.uniqueName("l6"), "s1");
        TestActor attacker = TestActor.generate();
        Http.Reply forged = http.post("test-probe/forge-idcert?key="
                + Base64.getUrlEncoder().encodeToString(attacker.publicKey()), victim.idCert());
        assertEquals(200, forged.status(), forged::toString);
        // Signed by the server key, same serial, subject and validity: only the record comparison refuses it.
        assertRefused(attacker, Base64.getDecoder().decode(forged.body()), 401, "P2CORE_IDCERT_INVALID");
        assertEquals(201, flows.identify(victim).status(), "the victim's own ID-Cert still identifies");
    }

    @Test
    void case10_issuerDomainComponentsMustEqualTheSubjects() {
        String name = Flows.uniqueName("c10");
        TestActor actor = TestActor.generate();
        byte[] otherIssuer = actor.certificate(new X500Name("DC=test,DC=other"), TestActor.subject(name,
                Flows.DOMAIN, "s1"), actor.subjectPublicKeyInfo(), Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(3600), actorExtensions());
        assertRefused(actor, otherIssuer, 400, "P2CORE_IDCERT_MALFORMED");
    }

    @Test
    void case11_validityIsCheckedWithSixtySecondsOfLeewayAtBothEnds() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("c11"), "s1");
        X509Certificate cert = x509(member.idCert());
        long notBefore = cert.getNotBefore().getTime() / 1000;
        long notAfter = cert.getNotAfter().getTime() / 1000;
        for (long at : new long[] {notBefore - 58, notAfter + 58}) {
            moveClockTo(at);
            Http.Reply inside = flows.identify(member);
            assertEquals(201, inside.status(), () -> "at " + at + ": " + inside);
        }
        for (long at : new long[] {notBefore - 62, notAfter + 62, notAfter + 86_400}) {
            moveClockTo(at);
            JsonObject before = flows.counts();
            assertError(flows.identify(member), 401, "P2CORE_IDCERT_INVALID");
            // Housekeeping may remove sessions that expired with their certificate meanwhile; none is added.
            assertTrue(flows.counts().getInt("p2_session") <= before.getInt("p2_session"));
        }
    }

    @Test
    void case12_actorCertificatesOutsideTheProfileAreMalformed() {
        String name = Flows.uniqueName("c12");
        TestActor actor = TestActor.generate();
        X500Name subject = TestActor.subject(name, Flows.DOMAIN, "s1");
        Extension notCa = basicConstraints(true, false);
        Extension signing = keyUsage(true, KeyUsage.digitalSignature);
        List<Extension[]> violations = Arrays.asList(
                new Extension[] {basicConstraints(true, true), signing},
                new Extension[] {notCa, keyUsage(true, KeyUsage.digitalSignature | KeyUsage.keyCertSign)},
                new Extension[] {notCa, keyUsage(false, KeyUsage.digitalSignature)},
                new Extension[] {basicConstraints(false, false), signing},
                new Extension[] {notCa, keyUsage(true, KeyUsage.keyAgreement)},
                new Extension[] {notCa, signing, new Extension(new org.bouncycastle.asn1.ASN1ObjectIdentifier(
                        "1.3.6.1.4.1.99999.1"), true, new DEROctetString(new byte[] {5, 0}))},
                null);
        for (Extension[] extensions : violations) {
            byte[] cert = actor.certificate(serverName(), subject, actor.subjectPublicKeyInfo(),
                    Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), extensions);
            assertRefused(actor, cert, 400, "P2CORE_IDCERT_MALFORMED");
        }
    }

    @Test
    void case13_algorithmMismatchesOtherAlgorithmsAndNullParametersAreRefused() throws Exception {
        String name = Flows.uniqueName("c13");
        TestActor actor = TestActor.generate();
        X500Name subject = TestActor.subject(name, Flows.DOMAIN, "s1");
        byte[] good = actor.certificate(serverName(), subject, actor.subjectPublicKeyInfo(),
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), actorExtensions());
        Certificate parsed = Certificate.getInstance(good);
        byte[] outerEd448 = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {parsed.getTBSCertificate(),
                new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed448), parsed.getSignature()}).getEncoded();
        assertRefused(actor, outerEd448, 400, "P2CORE_IDCERT_MALFORMED");

        byte[] nullParameters = actor.certificate(serverName(), subject, new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519, DERNull.INSTANCE), actor.publicKey()),
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), actorExtensions());
        assertRefused(actor, nullParameters, 400, "P2CORE_IDCERT_MALFORMED");

        for (String algorithm : List.of("EC", "RSA")) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(algorithm.equals("EC") ? 256 : 2048);
            var keys = generator.generateKeyPair();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(serverName(), BigInteger.TEN,
                    java.util.Date.from(Instant.now().minusSeconds(60)),
                    java.util.Date.from(Instant.now().plusSeconds(3600)), subject,
                    SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
            for (Extension extension : actorExtensions()) {
                builder.addExtension(extension);
            }
            ContentSigner signer = new JcaContentSignerBuilder(algorithm.equals("EC") ? "SHA256withECDSA"
                    : "SHA256withRSA").build(keys.getPrivate());
            assertRefused(actor, builder.build(signer).getEncoded(), 400, "P2CORE_UNSUPPORTED_ALGORITHM");
        }
    }

    @Test
    void case14_smallOrderKeysAreRefusedInCertificatesAndCsrs() throws Exception {
        String name = Flows.uniqueName("c14");
        flows.register(name);
        byte[] identity = new byte[32];
        identity[0] = 1;
        byte[] forgedSignature = new byte[64];
        forgedSignature[0] = 1;
        SubjectPublicKeyInfo smallOrder = new SubjectPublicKeyInfo(new AlgorithmIdentifier(
                EdECObjectIdentifiers.id_Ed25519), identity);

        TestActor issuer = TestActor.generate();
        byte[] cert = issuer.certificate(serverName(), TestActor.subject(name, Flows.DOMAIN, "s1"), smallOrder,
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), actorExtensions());
        String challenge = flows.challenge();
        JsonObject before = flows.counts();
        Http.Reply reply = identify(challenge, b64(forgedSignature), b64(cert));
        assertEquals(401, reply.status(), reply::toString);
        assertTrue(Set.of("P2CORE_IDCERT_INVALID", "P2CORE_SIGNATURE_INVALID").contains(reply.error()), reply::toString);

        byte[] csr = new PKCS10CertificationRequestBuilder(TestActor.subject(name, Flows.DOMAIN, "s1"), smallOrder)
                .build(fixedSigner(forgedSignature)).getEncoded();
        assertError(flows.trustReply(name, b64(csr), Flows.PASSWORD), 400, "P2CORE_CSR_INVALID");
        JsonObject after = flows.counts();
        assertEquals(before.getInt("p2_session"), after.getInt("p2_session"));
        assertEquals(before.getInt("p2_id_cert"), after.getInt("p2_id_cert"));
    }

    @Test
    void case15_malformedIdCertEncodingsAreBadRequestsAndAHugeOneIsCutOff() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("c15"), "s1");
        byte[] der = x509(member.idCert()).getEncoded();
        String base64 = b64(der);
        byte[] trailing = Arrays.copyOf(der, der.length + 3);
        byte[] random = new byte[400];
        RANDOM.nextBytes(random);
        JsonObject before = flows.counts();
        for (String bad : List.of(Base64.getUrlEncoder().encodeToString(der).replace('+', '-').replace('/', '_')
                        + "-_", base64.substring(0, 100) + "\n!" + base64.substring(100), "!!garbage!!",
                b64(trailing), b64(Arrays.copyOf(der, der.length / 2)), b64(random), "")) {
            String challenge = flows.challenge();
            assertError(identify(challenge, member.key().signChallenge(challenge), bad), 400,
                    "P2CORE_IDCERT_MALFORMED");
        }
        String huge = "A".repeat(1 << 20);
        assertError(identify(flows.challenge(), member.key().signChallenge("x"), huge), 413,
                "P2CORE_PAYLOAD_TOO_LARGE");
        JsonObject after = flows.counts();
        assertEquals(before.getInt("p2_session"), after.getInt("p2_session"));
    }

    // ---- bodies and registration ----

    @Test
    void case16_tenMebibyteBodiesGet413WithAndWithoutContentLength() throws Exception {
        byte[] body = new byte[10 << 20];
        Arrays.fill(body, (byte) 'a');
        JsonObject before = flows.counts();
        for (String[] route : new String[][] {{"POST", "p2core/session/identify"}, {"POST", "p2core/register"},
                {"PUT", "p2core/key/server"}}) {
            for (boolean chunked : new boolean[] {false, true}) {
                RawHttp.Answer answer = RawHttp.exchange(base, "127.0.0.1", route[0], route[1], body, chunked);
                String what = route[1] + (chunked ? " chunked" : " with Content-Length");
                assertEquals(413, answer.status(), () -> what + ": " + answer);
                assertError(answer.asReply(), 413, "P2CORE_PAYLOAD_TOO_LARGE");
            }
        }
        assertEquals(before, flows.counts());
    }

    @Test
    void case17_fiftyParallelRegistrationsOfOneNameGiveExactlyOneActor() throws Exception {
        String name = Flows.uniqueName("c17");
        JsonObject before = flows.counts();
        List<Http.Reply> replies = inParallel(50, () -> http.post("p2core/register",
                "{\"actor_name\":\"" + name + "\",\"password\":\"parallel-pass\"}"));
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        // The others are taken, or (on a slow machine) refused by the password-hash bulkhead before any work.
        assertTrue(replies.stream().filter(r -> r.status() != 201).allMatch(r -> r.status() == 409
                && r.error().equals("P2CORE_FEDERATION_ID_TAKEN") || r.status() == 503
                && r.error().equals("P2CORE_UNAVAILABLE") && r.headers().firstValue("Retry-After").isPresent()),
                replies::toString);
        assertEquals(before.getInt("p2_actor") + 1, flows.counts().getInt("p2_actor"));
    }

    @Test
    void case18_oddNamesAreRefusedAndPercentAndUnderscoreAreNeverWildcards() {
        JsonObject before = flows.counts();
        for (String bad : List.of("alice' OR '1'='1", "x'; DROP TABLE p2_actor;--alice", "al ice", " alice",
                "alice@x", "ａｌｉｃｅ", "al\u0000ice", "a".repeat(65), "")) {
            assertError(http.post("p2core/register", Json.createObjectBuilder().add("actor_name", bad).build()
                    .toString()), 400, "P2CORE_INVALID_FEDERATION_ID");
        }
        assertEquals(before, flows.counts());

        String suffix = Flows.uniqueName("c18").substring(4);
        Flows.Member plain = flows.member("px" + suffix, "s1");
        for (String wildcard : List.of("p_" + suffix, "p%" + suffix, "%", "_")) {
            String fid = URLEncoder.encode(wildcard + "@" + Flows.DOMAIN, StandardCharsets.UTF_8);
            assertError(http.get("p2core/key/actor/" + fid), 404, "P2CORE_ACTOR_NOT_FOUND");
        }
        assertEquals(201, http.post("p2core/register", "{\"actor_name\":\"p_" + suffix + "\"}").status(),
                "'_' did not match " + plain.name());
        assertEquals(201, http.post("p2core/register", "{\"actor_name\":\"p%" + suffix + "\"}").status(),
                "'%' did not match " + plain.name());
        assertEquals(1, strings(http.get("p2core/key/actor/" + plain.fid())).size());
        assertEquals(List.of(), strings(http.get("p2core/key/actor/" + URLEncoder.encode("p_" + suffix + "@"
                + Flows.DOMAIN, StandardCharsets.UTF_8))));
    }

    @Test
    void case19_passwordLengthsAreCheckedBeforeTheKdfAndTheHashCarriesItsParameters() {
        JsonObject before = flows.counts();
        String grin = new String(Character.toChars(0x1F600));
        for (String bad : List.of("", "seven77", grin.repeat(1025))) {
            assertError(register(Flows.uniqueName("c19"), bad), 400, "P2CORE_BAD_REQUEST");
        }
        assertError(register(Flows.uniqueName("c19"), "p".repeat(1 << 20)), 413, "P2CORE_PAYLOAD_TOO_LARGE");
        assertEquals(before, flows.counts());
        // 1,024 characters outside the BMP are 2,048 UTF-16 units: register and trust count alike (review I3)
        for (String password : List.of("p".repeat(64), "p".repeat(1000), grin.repeat(1024))) {
            String name = Flows.uniqueName("c19");
            assertEquals(201, register(name, password).status());
            Http.Reply trust = flows.trustReply(name, TestActor.generate().csrPem(name, Flows.DOMAIN, "s1"),
                    password);
            assertEquals(201, trust.status(), () -> password.length() + " UTF-16 units: " + trust);
            String hash = http.get("test-probe/password-hash/" + name + "@" + Flows.DOMAIN).body();
            assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        }
        String passwordless = Flows.uniqueName("c19");
        assertEquals(201, http.post("p2core/register", "{\"actor_name\":\"" + passwordless + "\"}").status());
        assertEquals("null", http.get("test-probe/password-hash/" + passwordless + "@" + Flows.DOMAIN).body());
    }

    // ---- sessions ----

    @Test
    void case22_aRevokedTokenIsDeadAndAnotherActorsTokenIsRefused() {
        Flows.Member alice = flows.member(Flows.uniqueName("c22a"), "s1");
        Flows.Member bob = flows.member(Flows.uniqueName("c22b"), "s1");
        assertEquals(204, http.put("p2core/session/revoke", null, alice.token()).status());
        JsonObject before = flows.counts();
        assertError(http.put("p2core/session/revoke", null, alice.token()), 401, "P2CORE_UNAUTHORIZED");
        assertError(http.get("p2core/events", alice.token()), 401, "P2CORE_UNAUTHORIZED");
        assertError(http.post("p2core/keypackage/@me", "[\"AAAA\"]", alice.token()), 401, "P2CORE_UNAUTHORIZED");
        String aliceCsr = TestActor.generate().csrPem(alice.name(), Flows.DOMAIN, "s1");
        assertError(http.post("p2core/session/idcert", Json.createObjectBuilder().add("csr", aliceCsr).build()
                .toString(), alice.token()), 401, "P2CORE_UNAUTHORIZED");
        assertError(http.post("p2core/session/idcert", Json.createObjectBuilder().add("csr", aliceCsr).build()
                .toString(), bob.token()), 403, "P2CORE_FORBIDDEN");
        assertEquals(before, flows.counts());
        assertEquals(0, rows("p2_session", alice.fid()));
    }

    @Test
    void case23_alteredOversizedExpiredAndForeignTokensGetOneGenericRefusal() {
        Flows.Member member = flows.member(Flows.uniqueName("c23"), "s1");
        String token = member.token();
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String foreign = Base64.getUrlEncoder().withoutPadding().encodeToString(RANDOM.generateSeed(32));
        List<String> refusedBodies = new ArrayList<>();
        for (String bad : List.of(altered, token.substring(0, 20), token + "x".repeat(10_000), foreign)) {
            Http.Reply reply = http.get("p2core/events", bad);
            assertError(reply, 401, "P2CORE_UNAUTHORIZED");
            refusedBodies.add(reply.body());
        }
        assertEquals(1, Set.copyOf(refusedBodies).size(), "one generic refusal");
        moveClockTo(Instant.now().getEpochSecond() + 7 * 86_400 + 60);
        assertError(http.get("p2core/events", token), 401, "P2CORE_UNAUTHORIZED");
    }

    @Test
    void case24_afterAThousandIdentifiesTheTableAndTheLogsHoldNoToken() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("c24"), "s1");
        List<String> tokens = inParallel(8, () -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 125; i++) {
                Http.Reply reply = flows.identify(member);
                assertEquals(201, reply.status(), reply::toString);
                mine.add(reply.object().getString("token"));
            }
            return mine;
        }).stream().flatMap(List::stream).toList();
        assertEquals(1000, Set.copyOf(tokens).size(), "a fresh token every time");
        Http.Reply live = flows.identify(member);
        assertEquals(201, live.status(), live::toString);

        List<String> hashes = strings(http.get("test-probe/session-hashes"));
        assertTrue(hashes.stream().allMatch(h -> h.matches("[0-9a-f]{64}")), "SHA-256 hex only");
        String lastHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(live.object().getString("token").getBytes(StandardCharsets.US_ASCII)));
        assertTrue(hashes.contains(lastHash), "the live token is stored as its SHA-256");
        Set<String> hashSet = Set.copyOf(hashes);
        assertTrue(tokens.stream().noneMatch(hashSet::contains));

        Path logs = Path.of(System.getProperty("it.server.logs", "target/liberty/wlp/usr/servers/defaultServer/logs"));
        assertTrue(Files.isDirectory(logs), "server logs at " + logs);
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                for (String token : List.of(member.token(), tokens.get(0), tokens.get(999))) {
                    assertFalse(text.contains(token), "a token in " + file);
                }
            }
        }
    }

    @Test
    void case25_aNewIdentifyOrANewCertForTheSameSessionReplacesItsSession() {
        Flows.Member member = flows.member(Flows.uniqueName("c25"), "s1");
        Http.Reply first = flows.identify(member);
        assertEquals(201, first.status(), first::toString);
        String firstToken = first.object().getString("token");

        TestActor newKey = TestActor.generate();
        Http.Reply rotated = http.post("p2core/session/idcert", Json.createObjectBuilder().add("csr",
                newKey.csrPem(member.name(), Flows.DOMAIN, "s1")).build().toString(), firstToken);
        assertEquals(201, rotated.status(), rotated::toString);
        Flows.Member renewed = new Flows.Member(member.name(), "s1", newKey, rotated.object().getString("id_cert"),
                rotated.object().getString("token"));
        assertError(flows.identify(member), 401, "P2CORE_IDCERT_INVALID");
        Http.Reply second = flows.identify(renewed);
        assertEquals(201, second.status(), second::toString);

        for (String dead : List.of(member.token(), firstToken, renewed.token())) {
            assertError(http.get("p2core/events", dead), 401, "P2CORE_UNAUTHORIZED");
        }
        assertNotEquals(401, http.get("p2core/events", second.object().getString("token")).status());
        assertEquals(1, rows("p2_session", member.fid(), "s1"), "never two live sessions for one session ID");
    }

    // ---- server key and actor certificates ----

    @Test
    void case26_serverKeyHistoryTimestampsAndConcurrentRotations() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("c26"), "s1");
        Flows.Member admin = flows.administrator();
        String oldPem = http.get("p2core/key/server").string();
        assertError(http.put("p2core/key/server", null, member.token()), 403, "P2CORE_NOT_ADMINISTRATOR");
        assertEquals(oldPem, http.get("p2core/key/server").string());
        for (String bad : List.of("-1", "abc", "9223372036854775808", "1e3")) {
            assertError(http.get("p2core/key/server?timestamp=" + bad), 400, "P2CORE_BAD_REQUEST");
        }
        assertError(http.get("p2core/key/server?timestamp=1"), 404, "P2CORE_NOT_FOUND");

        int keysBefore = flows.counts().getInt("p2_server_key");
        long beforeRotation = Instant.now().getEpochSecond() - 1;
        List<Http.Reply> rotations = inParallel(2, () -> http.put("p2core/key/server", null, admin.token()));
        assertTrue(rotations.stream().allMatch(r -> r.status() == 200 || r.status() == 409), rotations::toString);
        List<String> winners = rotations.stream().filter(r -> r.status() == 200).map(Http.Reply::string).toList();
        assertFalse(winners.isEmpty(), rotations::toString);
        assertEquals(keysBefore + winners.size(), flows.counts().getInt("p2_server_key"));
        String current = http.get("p2core/key/server").string();
        assertTrue(winners.contains(current), "the key in force is one that a rotation answered");
        assertEquals(oldPem, http.get("p2core/key/server?timestamp=" + beforeRotation).string());
        assertEquals(current, http.get("p2core/key/server?timestamp=" + (Instant.now().getEpochSecond() + 1))
                .string());
    }

    @Test
    void case27_actorCertificateListsAreBoundedAndBadQueriesRefused() {
        Flows.Member member = flows.member(Flows.uniqueName("c27"), "s1");
        assertError(http.get("p2core/key/actor/nobody-" + member.name() + "@" + Flows.DOMAIN), 404,
                "P2CORE_ACTOR_NOT_FOUND");
        assertError(http.get("p2core/key/actor/" + member.fid() + "?timestamp=soon"), 400, "P2CORE_BAD_REQUEST");
        assertError(http.get("p2core/key/actor/" + member.fid() + "?timestamp=-1"), 400, "P2CORE_BAD_REQUEST");

        String pem = URLEncoder.encode(member.idCert(), StandardCharsets.UTF_8);
        assertEquals("10000", http.post("test-probe/seed-certs/" + member.fid() + "?count=10000&pem=" + pem, "")
                .body());
        Http.Reply all = http.get("p2core/key/actor/" + member.fid());
        assertEquals(200, all.status());
        assertEquals(1000, all.array().size(), "at most polyproto.key-actor.max-certs certificates");
        assertTrue(all.body().length() < 1_000_000, "bounded: " + all.body().length() + " characters");
        assertEquals(List.of(member.idCert()), strings(http.get("p2core/key/actor/" + member.fid()
                + "?session_id=s1")), "a session's own certificate is still found");
    }

    // ---- JSON ----

    @Test
    void case29_hostileJsonIsABadRequestOnEveryRouteAndNever500() {
        Flows.Member member = flows.member(Flows.uniqueName("c29"), "s1");
        String deep = "[".repeat(30_000) + "]".repeat(30_000);
        List<String> bodies = List.of("{}", "{\"actor_name\":42}", "{\"actor_name\":\"a\",\"actor_name\":\"b\"}",
                "{\"actor_name\":\"x\"} trailing", "{\"actor_name\":\"x\"}{\"actor_name\":\"y\"}",
                "{\"actor_name\":1e1000000}", "{\"actor_name\":" + deep + "}", "", "hello", "[1,2",
                "{\"id_cert\":{\"a\":1},\"challenge\":[]}", "\"just a string\"", "null");
        JsonObject before = flows.counts();
        for (String route : List.of("p2core/register", "p2core/session/identify", "p2core/session/trust")) {
            for (String body : bodies) {
                Http.Reply reply = http.post(route, body);
                assertError(reply, 400, reply.error().equals("P2CORE_INVALID_FEDERATION_ID")
                        ? "P2CORE_INVALID_FEDERATION_ID" : "P2CORE_BAD_REQUEST");
            }
        }
        assertEquals(before, flows.counts());
        Http.Reply plainText = http.send("POST", "p2core/session/identify", identifyBodyFor(member), null,
                "text/plain");
        assertEquals(201, plainText.status(), "JSON is parsed whatever the Content-Type: " + plainText);
    }

    // ---- helpers ----

    private String identifyBodyFor(Flows.Member member) {
        String challenge = flows.challenge();
        return Flows.identifyBody(challenge, member.key().signChallenge(challenge), member.idCert());
    }

    private void moveClockTo(long epochSecond) {
        assertEquals(204, http.put("test-clock?to=" + epochSecond, null, null).status());
    }

    private Http.Reply identify(String challenge, String signature, String idCert) {
        return http.post("p2core/session/identify", Flows.identifyBody(challenge, signature, idCert));
    }

    private Http.Reply register(String name, String password) {
        return http.post("p2core/register", Json.createObjectBuilder().add("actor_name", name)
                .add("password", password).build().toString());
    }

    /** A fresh challenge signed properly, with {@code cert}: refused with the code and nothing persisted. */
    private void assertRefused(TestActor actor, byte[] cert, int status, String code) {
        String challenge = flows.challenge();
        JsonObject before = flows.counts();
        assertError(identify(challenge, actor.signChallenge(challenge), b64(cert)), status, code);
        JsonObject after = flows.counts();
        assertEquals(before.getInt("p2_session"), after.getInt("p2_session"));
        assertUsed(challenge);
    }

    /** The challenge's use is recorded (by its key: the count of rows may drop when an identify runs the sweep). */
    private void assertUsed(String challenge) {
        assertEquals("true", http.get("test-probe/used-challenge/" + challenge).body(), "the challenge is burnt");
    }

    /** The challenge's use is recorded, no session was opened, and the challenge can never be used again. */
    private void assertBurntWithoutSession(JsonObject before, String challenge, Flows.Member member) {
        JsonObject after = flows.counts();
        assertEquals(before.getInt("p2_session"), after.getInt("p2_session"));
        assertUsed(challenge);
        assertError(identify(challenge, member.key().signChallenge(challenge), member.idCert()), 401,
                "P2CORE_CHALLENGE_INVALID");
    }

    private long rows(String table, String fid) {
        return Long.parseLong(http.get("test-probe/rows/" + table + "/" + fid).body());
    }

    private long rows(String table, String fid, String sessionId) {
        return Long.parseLong(http.get("test-probe/rows/" + table + "/" + fid + "?session_id=" + sessionId).body());
    }

    private static X500Name serverName() {
        StringBuilder name = new StringBuilder();
        String[] labels = Flows.DOMAIN.split("\\.");
        for (int i = labels.length - 1; i >= 0; i--) {
            name.append(name.length() == 0 ? "" : ",").append("DC=").append(labels[i]);
        }
        return new X500Name(name.toString());
    }

    private static Extension[] actorExtensions() {
        return new Extension[] {basicConstraints(true, false), keyUsage(true, KeyUsage.digitalSignature)};
    }

    private static Extension basicConstraints(boolean critical, boolean ca) {
        try {
            return new Extension(Extension.basicConstraints, critical, new BasicConstraints(ca).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Extension keyUsage(boolean critical, int usage) {
        try {
            return new Extension(Extension.keyUsage, critical, new KeyUsage(usage).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContentSigner fixedSigner(byte[] signature) {
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
            }

            @Override
            public OutputStream getOutputStream() {
                return ignored;
            }

            @Override
            public byte[] getSignature() {
                return signature;
            }
        };
    }

    /** S + L: the same point equation, a non-canonical S that lax verifiers accept. */
    private static byte[] malleate(byte[] signature) {
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = s[31 - i];
        }
        byte[] sum = new BigInteger(1, bigEndian).add(L).toByteArray();
        byte[] out = Arrays.copyOf(signature, 64);
        for (int i = 0; i < 32; i++) {
            out[32 + i] = i < sum.length ? sum[sum.length - 1 - i] : 0;
        }
        return out;
    }

    private static String randomAlphanumerics(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
