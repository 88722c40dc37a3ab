package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polyproto.jakarta.testing.TestActor;

/**
 * Password guesses against one actor, spread over two nodes of one domain on one database and over several client
 * addresses (security review M2): they add up, the actor is locked after the configured count, and during the
 * lock the right password is answered exactly as a wrong one.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BruteForceIT {

    static final int MAX_FAILURES = 3;
    static final Map<String, String> SETTINGS = Map.of("polyproto.brute-force.max-failures",
            Integer.toString(MAX_FAILURES), "polyproto.brute-force.wait", "PT10M");

    @Deployment(name = "a", testable = false, order = 1)
    static WebArchive nodeA() {
        return HostWar.create("guess-a-it", SETTINGS);
    }

    @Deployment(name = "b", testable = false, order = 2)
    static WebArchive nodeB() {
        return HostWar.create("guess-b-it", SETTINGS);
    }

    @ArquillianResource
    @OperateOnDeployment("a")
    URL a;

    @ArquillianResource
    @OperateOnDeployment("b")
    URL b;

    private final TestActor key = TestActor.generate();

    @AfterEach
    void poolsAreIdle() throws InterruptedException {
        DeployedHostTest.awaitIdlePool(new Http(a));
        DeployedHostTest.awaitIdlePool(new Http(b));
    }

    @Test
    void guessesOverTwoNodesAndManyAddressesLockTheActorAndTheRightPasswordThenFailsLikeAWrongOne()
            throws Exception {
        Flows flows = new Flows(new Http(a));
        String name = Flows.uniqueName("guessed");
        flows.register(name);
        JsonObject before = flows.counts();

        Http.Reply wrong = trust(a, "127.0.0.21", name, "guess number one");
        assertError(wrong, 401, "P2CORE_INVALID_CREDENTIALS");
        assertError(trust(b, "127.0.0.22", name, "guess number two"), 401, "P2CORE_INVALID_CREDENTIALS");
        assertError(trust(a, "127.0.0.23", name, "guess number three"), 401, "P2CORE_INVALID_CREDENTIALS");

        Http.Reply locked = trust(b, "127.0.0.24", name, Flows.PASSWORD);
        assertEquals(wrong.status(), locked.status());
        assertEquals(wrong.object(), locked.object(), "the right password during the lock answers as a wrong one");
        assertEquals(before, flows.counts(), "nothing was issued or opened");

        String other = Flows.uniqueName("bystander");
        flows.register(other);
        assertEquals(201, trust(b, "127.0.0.24", other, Flows.PASSWORD).status(), "only that actor is locked");
    }

    @Test
    void theRightPasswordBeforeTheLockForgetsTheGuesses() throws Exception {
        Flows flows = new Flows(new Http(a));
        String name = Flows.uniqueName("forgetful");
        flows.register(name);
        for (int round = 0; round < 2; round++) {
            for (int guess = 1; guess < MAX_FAILURES; guess++) {
                assertError(trust(guess % 2 == 0 ? a : b, "127.0.0.2" + (5 + guess), name, "a wrong guess"), 401,
                        "P2CORE_INVALID_CREDENTIALS");
            }
            Http.Reply right = trust(round == 0 ? a : b, "127.0.0.29", name, Flows.PASSWORD);
            assertEquals(201, right.status(), right::toString);
        }
    }

    private int sessions;

    private Http.Reply trust(URL node, String address, String name, String password) throws Exception {
        String body = Json.createObjectBuilder().add("actor_name", name).add("password", password)
                .add("csr", key.csrPem(name, Flows.DOMAIN, "s" + ++sessions)).build().toString();
        return RawHttp.exchange(node, address, "POST", "p2core/session/trust", body.getBytes(StandardCharsets.UTF_8),
                false).asReply();
    }
}
