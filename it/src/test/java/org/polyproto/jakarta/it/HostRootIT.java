package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.CoreV1ClientIT.hexSignature;
import static org.polyproto.jakarta.it.CoreV1ClientIT.x509;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.testing.TestActor;

/**
 * A client that knows only the host, as polyproto-rs does: it reads {@code /.well-known/polyproto-core}, drops the
 * path of the API URL it names, and speaks {@code https://host/.p2/...}. The example WAR is deployed the way README
 * tells a host to: at context root {@code /} with its JAX-RS application mapped to {@code /*}. Every request of
 * this test goes to the server's root; none names the WAR or its {@code api/} path.
 */
class HostRootIT extends DeployedHostTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.atHostRoot("host-root-it", Map.of());
    }

    @Override
    Http client(URL base) {
        return Http.atHostRoot(base);
    }

    @Test
    void anActorRegistersGetsItsIdCertAndLogsInThroughTheRootPaths() throws Exception {
        Http.Reply discovery = http.get(".well-known/polyproto-core");
        assertEquals(200, discovery.status(), discovery::toString);
        assertEquals("/.p2/core/", URI.create(discovery.object().getString("api")).getPath(), discovery::toString);

        String name = Flows.uniqueName("root");
        String fid = name + "@" + Flows.DOMAIN;
        Http.Reply registered = http.post(".p2/auth/v1/register", Json.createObjectBuilder().add("tosConsent", true)
                .add("localName", name).add("password", Flows.PASSWORD).build().toString());
        assertEquals(201, registered.status(), registered::toString);
        Http.Reply login = http.post(".p2/auth/v1/login", Json.createObjectBuilder().add("localName", name)
                .add("password", Flows.PASSWORD).build().toString());
        assertEquals(200, login.status(), login::toString);

        TestActor key = TestActor.generate();
        Http.Reply issued = http.send("POST", ".p2/core/v1/idcert/", key.csrPem(name, Flows.DOMAIN, "desktop"),
                login.object().getString("token"), null);
        assertEquals(201, issued.status(), issued::toString);
        X509Certificate idCert = x509(issued.object().getString("id_cert"));
        X509Certificate server = x509(http.get(".p2/core/v1/idcert/server/").object().getString("idCertPem"));
        idCert.verify(server.getPublicKey());
        byte[] issuedKey = idCert.getPublicKey().getEncoded();
        assertArrayEquals(key.publicKey(), java.util.Arrays.copyOfRange(issuedKey, issuedKey.length - 32,
                issuedKey.length), "the ID-Cert is for the CSR's key");

        JsonObject trial = http.get(".p2/core/v1/session/auth/").object();
        Http.Reply token = http.send("POST", ".p2/core/v1/session/auth/", Json.createObjectBuilder()
                .add("trial", trial.getString("trial")).add("signature", hexSignature(key, trial.getString("trial")))
                .add("serialNumber", idCert.getSerialNumber().toString()).add("fid", fid).build().toString(),
                null, null);
        assertEquals(200, token.status(), token::toString);
        assertNotEquals(issued.object().getString("token"), token.body());
        int events = http.get("p2core/events", token.body()).status();
        assertTrue(events == 200 || events == 204, "the token opened a session: " + events);

        Http.Reply certs = http.get(".p2/core/v1/idcert/actor/" + fid);
        assertEquals(200, certs.status(), certs::toString);
        assertEquals(idCert, x509(certs.array().getJsonObject(0).getString("idCertPem")));
    }

    @Test
    void theModuleAnswersOnlyItsOwnRoutesAtTheRoot() {
        assertError(http.get(".p2/core/v1/migration/data/"), 404, "P2CORE_NOT_FOUND");
        assertEquals(404, http.get("api/.p2/core/v1/challenge/").status(), "the WAR's api/ path is not served");
        Http.Reply challenge = http.get(".p2/core/v1/challenge/");
        assertEquals(200, challenge.status(), challenge::toString);
    }
}
