package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polyproto.jakarta.testing.TestActor;

/**
 * A host that becomes a polyproto home server over its own users: a {@code host_users} table with bcrypt hashes
 * behind its own actor directory, registration and credential verifier, and challenges and sessions in stores that
 * are not JPA. Register, trust, identify here and at another server, and revocation all go through its SPIs; the
 * module's {@code p2_actor} table is never written.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BcryptHostIT {

    static final String HOME = "bcrypt.test";
    static final String VISITED = "visited.test";

    @Deployment(name = "home", testable = false, order = 1)
    static WebArchive home() {
        return BcryptHostRoutesIT.bcryptHost("bcrypt-it", Map.of("polyproto.domain", HOME));
    }

    @Deployment(name = "visited", testable = false, order = 2)
    static WebArchive visited() {
        return HostWar.create("visited-it", Map.of("polyproto.domain", VISITED,
                "polyproto.federation.resolve." + HOME, FederationIT.LOCAL + "bcrypt-it/api/",
                "polyproto.federation.allow-private", "true"));
    }

    @ArquillianResource
    @OperateOnDeployment("home")
    URL homeUrl;

    @ArquillianResource
    @OperateOnDeployment("visited")
    URL visitedUrl;

    Http home;
    Http visited;

    @BeforeEach
    void hostSchema() {
        home = new Http(homeUrl);
        visited = new Http(visitedUrl);
    }

    @Test
    void aHostsOwnUsersRegisterTrustIdentifyAndTravel() throws Exception {
        int actorsBefore = moduleActors();
        String name = Flows.uniqueName("bc");
        String fid = name + "@" + HOME;
        Http.Reply registered = home.post("p2core/register", register(name));
        assertEquals(201, registered.status(), registered::toString);
        assertError(home.post("p2core/register", register(name)), 409, "P2CORE_FEDERATION_ID_TAKEN");
        Http.Reply hash = home.get("test-probe/host-value?sql=select%20bcrypt%20from%20host_users%20where%20fid"
                + "%20%3D%20%3F1&arg=" + fid);
        assertTrue(hash.body().startsWith("$2"), "a bcrypt hash in the host's table: " + hash.body());
        assertEquals(actorsBefore, moduleActors(), "no p2_actor row");

        TestActor key = TestActor.generate();
        assertError(home.post("p2core/session/trust", trust(name, key, "not the password")), 401,
                "P2CORE_INVALID_CREDENTIALS");
        assertError(home.post("p2core/session/trust", trust("nobody" + name, key, Flows.PASSWORD)), 401,
                "P2CORE_INVALID_CREDENTIALS");
        Http.Reply trusted = home.post("p2core/session/trust", trust(name, key, Flows.PASSWORD));
        assertEquals(201, trusted.status(), trusted::toString);
        String cert = trusted.object().getString("id_cert");
        String trustToken = trusted.object().getString("token");
        assertEquals(cert, Json.createReader(new StringReader(home.get("p2core/key/actor/" + fid).body()))
                .readArray().getString(0), "key/actor asks the host's directory");

        Http.Reply here = identify(home, key, cert);
        assertEquals(201, here.status(), here::toString);
        Http.Reply abroad = identify(visited, key, cert);
        assertEquals(201, abroad.status(), abroad::toString);
        String visitedToken = abroad.object().getString("token");
        assertEquals(204, visited.get("p2core/events", visitedToken).status());

        String secondToken = home.post("p2core/session/trust", trust(name, TestActor.generate(), Flows.PASSWORD,
                "s2")).object().getString("token");
        assertEquals(204, home.put("p2core/session/revoke-all", "", secondToken).status());
        assertError(home.get("p2core/events", secondToken), 401, "P2CORE_UNAUTHORIZED");
        assertError(home.get("p2core/events", here.object().getString("token")), 401, "P2CORE_UNAUTHORIZED");
        assertError(home.get("p2core/events", trustToken), 401, "P2CORE_UNAUTHORIZED");
        assertEquals(204, visited.get("p2core/events", visitedToken).status(), "another server's session is its own");
        DeployedHostTest.awaitIdlePool(home);
    }

    private static String register(String name) {
        return Json.createObjectBuilder().add("actor_name", name).add("password", Flows.PASSWORD).build()
                .toString();
    }

    private static String trust(String name, TestActor key, String password) {
        return trust(name, key, password, "s1");
    }

    private static String trust(String name, TestActor key, String password, String sessionId) {
        return Json.createObjectBuilder().add("actor_name", name).add("password", password)
                .add("csr", key.csrPem(name, HOME, sessionId)).build().toString();
    }

    private static Http.Reply identify(Http server, TestActor key, String cert) {
        String challenge = server.get("p2core/challenge").object().getString("challenge");
        return server.post("p2core/session/identify", Flows.identifyBody(challenge, key.signChallenge(challenge),
                cert));
    }

    /** Rows of the module's own actor table (the probe's counts show this host's users in its place). */
    private int moduleActors() {
        return Integer.parseInt(home.get("test-probe/host-value?sql=select%20count(*)%20from%20p2_actor").body()
                .trim());
    }
}
