package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polyproto.jakarta.it.traps.HostAuthFilter;
import org.polyproto.jakarta.it.traps.HostNote;
import org.polyproto.jakarta.it.traps.HostNoteResource;
import org.polyproto.jakarta.it.traps.HostStorage;
import org.polyproto.jakarta.it.traps.HostResource;
import org.polyproto.jakarta.it.traps.HostSecured;
import org.polyproto.jakarta.it.traps.ListingApplication;
import org.polyproto.jakarta.it.traps.SnakeCaseJsonb;

/**
 * The traps of embedding into an existing WAR, each a generated host WAR with the packaged jars: a host whose
 * Application lists its classes, a host with a snake_case JSON-B configuration, a host with its own resources and
 * authentication, and a host with its own persistence unit and an unqualified {@code @PersistenceContext}. The module's routes keep their wire format; the host's routes get nothing of the module.
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

    @Deployment(name = "ownunit", testable = false)
    static WebArchive hostWithItsOwnPersistenceUnit() {
        WebArchive war = HostWar.create("ownunit-host", HostNote.class, HostNoteResource.class, HostStorage.class);
        war.getContent().keySet().stream().map(ArchivePath::get)
                .filter(path -> path.startsWith("/WEB-INF/lib/polyproto-jakarta-persistence-")).toList()
                .forEach(war::delete);
        File entities = new File("../persistence/target/polyproto-jakarta-persistence-0.1.0-SNAPSHOT-entities.jar");
        return war.addAsLibrary(entities)
                .addAsResource(new File("target/test-classes/traps/host-persistence.xml"), "META-INF/persistence.xml");
    }

    @ArquillianResource
    @OperateOnDeployment("listing")
    URL listing;

    @ArquillianResource
    @OperateOnDeployment("ownunit")
    URL ownUnit;

    @Test
    void aHostWithItsOwnUnitKeepsItsUnqualifiedPersistenceContextAndLendsItToTheModule() {
        Http http = new Http(ownUnit);
        Flows flows = new Flows(http);
        Http.Reply note = http.send("POST", "notes", "hello", null, "text/plain");
        assertEquals(200, note.status(), note::toString);
        assertEquals("1", http.get("notes").body().strip(), "the host's unqualified @PersistenceContext works");
        Flows.Member member = flows.member(Flows.uniqueName("ownunit"), "s1");
        assertEquals(201, flows.identify(member).status(), "the module stores through the host's unit");
        assertError(http.post("p2core/register", "{\"actor_name\":\"" + member.name() + "\"}"), 409,
                "P2CORE_FEDERATION_ID_TAKEN");
    }

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
