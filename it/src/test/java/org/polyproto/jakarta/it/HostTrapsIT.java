package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutesIT.assertError;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polyproto.jakarta.it.traps.HostAuthFilter;
import org.polyproto.jakarta.it.traps.HostResource;
import org.polyproto.jakarta.it.traps.HostSecured;
import org.polyproto.jakarta.it.traps.ListingApplication;
import org.polyproto.jakarta.it.traps.SnakeCaseJsonb;

/**
 * The traps of embedding into an existing WAR, each a generated host WAR with the packaged jars: a host whose
 * Application lists its classes, a host with a snake_case JSON-B configuration, and a host with its own resources
 * and authentication. The module's routes keep their wire format; the host's routes get nothing of the module.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostTrapsIT {

    @Deployment(name = "listing", testable = false)
    static WebArchive listingHost() {
        WebArchive war = HostWar.create("listing-host", HostResource.class, HostSecured.class, HostAuthFilter.class,
                ListingApplication.class);
        war.delete("/WEB-INF/classes/org/polyproto/jakarta/example/ExampleApplication.class");
        return war;
    }

    @Deployment(name = "snake", testable = false)
    static WebArchive snakeCaseHost() {
        return HostWar.create("snake-host", HostResource.class, HostSecured.class, HostAuthFilter.class,
                SnakeCaseJsonb.class);
    }

    @ArquillianResource
    @OperateOnDeployment("listing")
    URL listing;

    @ArquillianResource
    @OperateOnDeployment("snake")
    URL snake;

    @Test
    void aHostThatListsItsClassesServesTheModuleThroughPolyprotoFeatureClasses() {
        Http http = new Http(listing);
        Flows flows = new Flows(http);
        Flows.Member member = flows.member(Flows.uniqueName("listed"), "s1");
        assertEquals(201, flows.identify(member).status());
        assertError(http.put("p2core/session/revoke", null, "wrong"), 401, "P2CORE_UNAUTHORIZED");
        assertEquals(401, hostGet(http, "host/order", null).status(), "the host's own filter guards its resource");
        assertEquals(200, hostGet(http, "host/order", "host-secret").status());
    }

    @Test
    void aHostsJsonbNamingChangesNothingOnTheModulesRoutes() {
        Http http = new Http(snake);
        JsonObject challenge = http.get("p2core/challenge").object();
        assertEquals(Set.of("challenge", "lifetime_unix", "expires"), challenge.keySet());
        Http.Reply taken = http.post("p2core/register", "{\"actor_name\":\"\"}");
        assertEquals(Set.of("errcode", "error", "message"), taken.object().keySet());
        Http.Reply order = hostGet(http, "host/order", "host-secret");
        assertEquals(200, order.status(), order::toString);
        assertEquals(Set.of("order_number", "customer_name"), order.object().keySet(),
                "the host's own DTOs do get its naming");
    }

    @Test
    void theHostsRoutesGetNoneOfTheModulesFiltersErrorsOrHeaders() {
        for (URL host : new URL[] {listing, snake}) {
            Http http = new Http(host);
            Http.Reply refused = hostGet(http, "host/order", null);
            assertEquals(401, refused.status());
            assertEquals("host says no", refused.body(), "the host's own error format");
            assertEquals("HostKey", refused.headers().firstValue("WWW-Authenticate").orElse(""));
            Http.Reply withPolyprotoToken = http.send("GET", "host/order", null, "some-token", null);
            assertEquals("host says no", withPolyprotoToken.body(), "no polyproto token handling on host routes");

            String big = "x".repeat(100_000);
            Http.Reply upload = http.send("POST", "host/upload", big, null, "text/plain");
            assertEquals(401, upload.status(), "the host's filter, not the module's body limit, answers");
            Http.Reply uploadWithKey = hostPost(http, "host/upload", big);
            assertEquals(200, uploadWithKey.status(), uploadWithKey::toString);
            assertEquals("received 100000", uploadWithKey.body());
            assertTrue(uploadWithKey.headers().firstValue("WWW-Authenticate").isEmpty());

            assertError(http.post("p2core/register", "{\"actor_name\":\"" + "a".repeat(70_000) + "\"}"), 413,
                    "P2CORE_PAYLOAD_TOO_LARGE");
        }
    }

    private static Http.Reply hostGet(Http http, String path, String key) {
        return http.sendWithHeader("GET", path, null, "X-Host-Key", key);
    }

    private static Http.Reply hostPost(Http http, String path, String body) {
        return http.sendWithHeader("POST", path, body, "X-Host-Key", "host-secret");
    }
}
