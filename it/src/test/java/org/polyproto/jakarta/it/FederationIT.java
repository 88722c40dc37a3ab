package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import jakarta.json.Json;
import java.math.BigInteger;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polyproto.jakarta.internal.cert.IdCertFactory;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.it.host.HostileHomeServer;
import org.polyproto.jakarta.it.host.HostileV1HomeServer;
import org.polyproto.jakarta.it.host.HostileWellKnown;
import org.polyproto.jakarta.testing.PolyprotoRsEncoding;
import org.polyproto.jakarta.testing.TestActor;
import org.polyproto.jakarta.testing.TestKeyPackage;

/**
 * Two independently configured deployments in one Liberty server, {@code home.test} and {@code foreign.test},
 * each mapped to the other's context root: an actor of one identifies at the other over real HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FederationIT {

    static final String HOME = "home.test";
    static final String FOREIGN = "foreign.test";
    static final int CACHE_TTL_SECONDS = 3;
    static final int TIMEOUT_SECONDS = 2;
    static final String LOCAL = "http://localhost:" + System.getProperty("http.port", "9080") + "/";

    @Deployment(name = "home", testable = false, order = 1)
    static WebArchive home() {
        return HostWar.create("home-it", Map.of("polyproto.domain", HOME,
                "polyproto.federation.resolve." + FOREIGN, LOCAL + "foreign-it/api/",
                "polyproto.federation.cache-ttl", Integer.toString(CACHE_TTL_SECONDS),
                "polyproto.federation.allow-private", "true"));
    }

    @Deployment(name = "foreign", testable = false, order = 2)
    static WebArchive foreign() {
        String hostile = LOCAL + "foreign-it/api/hostile/";
        return HostWar.create("foreign-it", Map.ofEntries(
                Map.entry("polyproto.domain", FOREIGN),
                Map.entry("polyproto.federation.resolve." + HOME, LOCAL + "home-it/api/"),
                Map.entry("polyproto.federation.cache-ttl", Integer.toString(CACHE_TTL_SECONDS)),
                Map.entry("polyproto.federation.allow-private", "true"),
                Map.entry("polyproto.federation.refetch-interval", "1"),
                Map.entry("polyproto.federation.connect-timeout", Integer.toString(TIMEOUT_SECONDS)),
                Map.entry("polyproto.federation.read-timeout", Integer.toString(TIMEOUT_SECONDS)),
                Map.entry("polyproto.federation.resolve.wrong.test", hostile + "wrong-domain/"),
                Map.entry("polyproto.federation.resolve.notca.test", hostile + "not-ca/"),
                Map.entry("polyproto.federation.resolve.huge.test", hostile + "huge/"),
                Map.entry("polyproto.federation.resolve.redirect.test", hostile + "redirect/"),
                Map.entry("polyproto.federation.resolve.slow.test", hostile + "never-ending/"),
                Map.entry("polyproto.federation.resolve.undeployed.test", LOCAL + "no-such-app/api/"),
                Map.entry("polyproto.federation.resolve.closed.test", "http://127.0.0.1:9/"),
                Map.entry("polyproto.federation.resolve." + PolyprotoRsEncoding.FIXED_DOMAIN, hostile
                        + "polyproto-rs/"),
                Map.entry("polyproto.federation.resolve." + HostileV1HomeServer.GOOD_DOMAIN, hostile + "v1-good/"),
                Map.entry("polyproto.federation.resolve." + HostileV1HomeServer.FORGED_DOMAIN, hostile
                        + "v1-forged/"),
                Map.entry("polyproto.federation.resolve." + HostileV1HomeServer.WELL_KNOWN_DOMAIN, hostile
                        + "wk-good/"),
                Map.entry("polyproto.federation.resolve." + HostileWellKnown.WRONG_DOMAIN, hostile + "wk-wrong/")),
                HostileHomeServer.class, HostileV1HomeServer.class, HostileWellKnown.class, TestActor.class, PolyprotoRsEncoding.class);
    }

    @ArquillianResource
    @OperateOnDeployment("home")
    URL homeUrl;

    @ArquillianResource
    @OperateOnDeployment("foreign")
    URL foreignUrl;

    @Test
    void anActorOfHomeIdentifiesAtForeignAndCertificatesMove() throws Exception {
        Http home = new Http(homeUrl);
        Http foreign = new Http(foreignUrl);
        String name = Flows.uniqueName("traveller");
        String fid = name + "@" + HOME;
        assertEquals(fid, home.post("p2core/register", "{\"actor_name\":\"" + name + "\",\"password\":\""
                + Flows.PASSWORD + "\"}").object().getString("fid"));
        TestActor key = TestActor.generate();
        Http.Reply trust = home.post("p2core/session/trust", Json.createObjectBuilder().add("actor_name", name)
                .add("password", Flows.PASSWORD).add("csr", key.csrPem(name, HOME, "laptop")).build().toString());
        assertEquals(201, trust.status(), trust::toString);
        String oldCert = trust.object().getString("id_cert");
        String homeToken = trust.object().getString("token");

        Http.Reply identified = identify(foreign, key, oldCert);
        assertEquals(201, identified.status(), identified::toString);
        String foreignToken = identified.object().getString("token");
        assertEquals(204, foreign.get("p2core/events", foreignToken).status(), "the token works at foreign");
        assertError(home.get("p2core/events", foreignToken), 401, "P2CORE_UNAUTHORIZED");
        String validPackage = KeyPackagesAndEvents.array(List.of(TestKeyPackage.of(key, name + "@" + HOME).base64()));
        assertError(foreign.post("p2core/keypackage/@me", validPackage, foreignToken), 403, "P2CORE_FORBIDDEN");
        assertError(foreign.post(".p2/mls/v1/keypackages", validPackage, foreignToken), 403, "P2CORE_FORBIDDEN");

        TestActor newKey = TestActor.generate();
        Http.Reply rotated = home.post("p2core/session/idcert", Json.createObjectBuilder().add("csr",
                newKey.csrPem(name, HOME, "laptop")).build().toString(), homeToken);
        assertEquals(201, rotated.status(), rotated::toString);
        String newCert = rotated.object().getString("id_cert");

        Thread.sleep(Duration.ofSeconds(CACHE_TTL_SECONDS).plusMillis(500).toMillis());
        assertError(identify(foreign, key, oldCert), 401, "P2CORE_IDCERT_INVALID");

        assertError(foreign.post("p2core/session/idcert/extern", oldCert, foreignToken), 401,
                "P2CORE_IDCERT_INVALID");
        Thread.sleep(1_100); // the list was fetched just now; a miss refetches once the refetch interval has passed
        Http.Reply extern = foreign.post("p2core/session/idcert/extern", newCert, foreignToken);
        assertEquals(201, extern.status(), extern::toString);
        assertEquals(201, identify(foreign, newKey, newCert).status());
        assertError(foreign.post("p2core/session/idcert/extern", Json.createValue(newCert).toString(),
                "not-a-token"), 401, "P2CORE_UNAUTHORIZED");
    }

    /**
     * A client of the v1 profile against two deployments that talk to each other as the seed does: a new session
     * by the sensitive {@code POST idcert}, identify at the foreign server by key trial, and an early revocation at
     * home that the foreign server sees once its cache expires.
     */
    @Test
    void aV1ClientIdentifiesAtForeignByKeyTrialAndItsEarlyRevocationReachesForeign() throws Exception {
        Http home = new Http(homeUrl);
        Http foreign = new Http(foreignUrl);
        String name = Flows.uniqueName("v1traveller");
        home.post("p2core/register", "{\"actor_name\":\"" + name + "\",\"password\":\"" + Flows.PASSWORD + "\"}");
        TestActor laptopKey = TestActor.generate();
        Http.Reply laptop = home.post("p2core/session/trust", Json.createObjectBuilder().add("actor_name", name)
                .add("password", Flows.PASSWORD).add("csr", laptopKey.csrPem(name, HOME, "laptop")).build()
                .toString());
        assertEquals(201, laptop.status(), laptop::toString);
        TestActor phoneKey = TestActor.generate();
        Http.Reply phone = home.sendWithHeader("POST", ".p2/core/v1/idcert/", phoneKey.csrPem(name, HOME, "phone"),
                laptop.object().getString("token"), "X-P2-Sensitive-Solution", Flows.PASSWORD);
        assertEquals(201, phone.status(), phone::toString);
        String phoneCert = phone.object().getString("id_cert");

        Http.Reply atForeign = keyTrial(foreign, phoneKey, phoneCert, name + "@" + HOME);
        assertEquals(200, atForeign.status(), atForeign::toString);
        assertEquals(204, foreign.get("p2core/events", atForeign.body()).status(), "the token works at foreign");

        Http.Reply revoked = home.send("DELETE", ".p2/core/v1/session/", "{\"session_id\":\"phone\"}",
                laptop.object().getString("token"), null);
        assertEquals(204, revoked.status(), revoked::toString);
        Thread.sleep(Duration.ofSeconds(CACHE_TTL_SECONDS).plusMillis(500).toMillis());
        assertError(keyTrial(foreign, phoneKey, phoneCert, name + "@" + HOME), 401, "P2CORE_IDCERT_INVALID");
    }

    private static Http.Reply keyTrial(Http server, TestActor key, String certPem, String fid) throws Exception {
        String trial = server.get(".p2/core/v1/session/auth/").object().getString("trial");
        return server.send("POST", ".p2/core/v1/session/auth/", Json.createObjectBuilder().add("trial", trial)
                .add("signature", CoreV1ClientIT.hexSignature(key, trial))
                .add("serialNumber", CoreV1ClientIT.x509(certPem).getSerialNumber().toString()).add("fid", fid)
                .add("idCert", certPem).build().toString(), null, null);
    }

    @Test
    void anUnreachableHomeServerIsNotFederatedInBoundedTime() {
        Http foreign = new Http(foreignUrl);
        for (String domain : new String[] {"undeployed.test", "closed.test", "huge.test", "redirect.test",
                "slow.test"}) {
            Instant start = Instant.now();
            assertError(identify(foreign, domain), 404, "P2CORE_NOT_FEDERATED");
            Duration took = Duration.between(start, Instant.now());
            assertTrue(took.compareTo(Duration.ofSeconds(TIMEOUT_SECONDS + 5)) < 0, domain + " took " + took);
        }
    }

    @Test
    void aHomeServerWithAnUntrustworthyCertificateIsRefused() {
        Http foreign = new Http(foreignUrl);
        assertError(identify(foreign, "wrong.test"), 401, "P2CORE_IDCERT_INVALID");
        assertError(identify(foreign, "notca.test"), 401, "P2CORE_IDCERT_INVALID");
    }

    @Test
    void anActorOfAPolyprotoRsHomeServerIdentifies() {
        Http foreign = new Http(foreignUrl);
        String cert = PemCodec.encode(PemCodec.CERTIFICATE, PolyprotoRsEncoding.fixedActorCertificate());
        String challenge = foreign.get("p2core/challenge").object().getString("challenge");
        byte[] signature = sign(PolyprotoRsEncoding.FIXED_ACTOR_SEED, challenge);
        Http.Reply reply = foreign.post("p2core/session/identify", Flows.identifyBody(challenge,
                java.util.HexFormat.of().formatHex(signature), cert));
        assertEquals(201, reply.status(), reply::toString);
    }

    /**
     * Home servers that speak only v1 (their seed routes answer 404): one reached directly is read through its
     * CacheableIdCerts; one with a forged {@code cacheSignature} in its actor list is not used; one reached through
     * its visible domain's {@code .well-known/polyproto-core} only is read under the API it names, unless the
     * certificate there is another domain's (spec §3.1).
     */
    @Test
    void actorsOfV1OnlyHomeServersIdentifyUnlessASignatureOrTheDomainIsWrong() {
        Http foreign = new Http(foreignUrl);
        assertEquals(200, keyTrialOfFixedActor(foreign, HostileV1HomeServer.GOOD_DOMAIN).status());
        assertError(keyTrialOfFixedActor(foreign, HostileV1HomeServer.FORGED_DOMAIN), 404, "P2CORE_NOT_FEDERATED");
        Http.Reply discovered = keyTrialOfFixedActor(foreign, HostileV1HomeServer.WELL_KNOWN_DOMAIN);
        assertEquals(200, discovered.status(), discovered::toString);
        assertError(keyTrialOfFixedActor(foreign, HostileWellKnown.WRONG_DOMAIN), 401, "P2CORE_IDCERT_INVALID");
    }

    private static Http.Reply keyTrialOfFixedActor(Http foreign, String domain) {
        String cert = PemCodec.encode(PemCodec.CERTIFICATE, HostileV1HomeServer.actorCertificate(domain));
        String trial = foreign.get(".p2/core/v1/session/auth/").object().getString("trial");
        return foreign.send("POST", ".p2/core/v1/session/auth/", Json.createObjectBuilder().add("trial", trial)
                .add("signature", java.util.HexFormat.of().formatHex(sign(PolyprotoRsEncoding.FIXED_ACTOR_SEED,
                        trial)))
                .add("serialNumber", "3003").add("fid", HostileV1HomeServer.ACTOR + "@" + domain)
                .add("idCert", cert).build().toString(), null, null);
    }

    private static byte[] sign(byte[] seed, String challenge) {
        org.bouncycastle.crypto.signers.Ed25519Signer signer = new org.bouncycastle.crypto.signers.Ed25519Signer();
        signer.init(true, new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(seed));
        byte[] message = challenge.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Identify at {@code server} with an actor certificate of {@code domain}, issued by a key of the test. */
    static Http.Reply identify(Http server, String domain) {
        byte[] serverKey = StrictEd25519.generatePrivateKey(new SecureRandom());
        TestActor actor = TestActor.generate();
        Instant now = Instant.now();
        byte[] der = IdCertFactory.actorCertificate(ParsedCsr.parse(actor.csrDer(TestActor.subject("eve", domain,
                        "s1"))), serverKey, PolyprotoNames.serverName(domain), BigInteger.TEN, now.minusSeconds(60),
                now.plusSeconds(3600));
        return identify(server, actor, PemCodec.encode(PemCodec.CERTIFICATE, der));
    }

    private static Http.Reply identify(Http server, TestActor key, String cert) {
        String challenge = server.get("p2core/challenge").object().getString("challenge");
        return server.post("p2core/session/identify", Flows.identifyBody(challenge, key.signChallenge(challenge),
                cert));
    }
}
