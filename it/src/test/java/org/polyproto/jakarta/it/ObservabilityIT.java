package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics with the host's MicroProfile, and nothing lost without it. On the legs whose server has
 * MicroProfile Health and Metrics (Liberty, Jakarta EE 10) the module's readiness and liveness checks are up and its
 * metrics count what the flows did, under labels that hold no Federation ID or domain. On the legs without (Jakarta
 * EE 11, WildFly) there are no such endpoints on the server's HTTP port and every flow still works.
 */
class ObservabilityIT extends DeployedHostTest {

    static final boolean MICROPROFILE = Boolean.getBoolean("it.microprofile");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("observability-it");
    }

    @Test
    void theModulesHealthAndMetricsAreThereExactlyWhenTheServerHasMicroProfile() throws Exception {
        Flows.Member member = flows.member(Flows.uniqueName("observed"), "phone");
        Flows.Member laptop = flows.session(member.name(), "laptop");
        Http.Reply identified = flows.identify(member);
        assertEquals(201, identified.status(), identified::toString);
        assertEquals(401, flows.identify(new Flows.Member(member.name(), member.sessionId(),
                org.polyproto.jakarta.testing.TestActor.generate(), member.idCert(), member.token())).status());
        assertFalse(flows.events(laptop.token()).isEmpty(), "NEW_SESSION was queued for the laptop");

        HttpResponse<String> ready = get("health/ready");
        HttpResponse<String> live = get("health/live");
        HttpResponse<String> metrics = get("metrics?scope=application");
        if (!MICROPROFILE) {
            assertEquals(404, ready.statusCode(), ready::body);
            assertEquals(404, metrics.statusCode(), metrics::body);
            return;
        }
        assertEquals(200, ready.statusCode(), ready::body);
        assertEquals("UP", check(ready.body()).getString("status"), ready::body);
        assertEquals(200, live.statusCode(), live::body);
        assertEquals("UP", check(live.body()).getString("status"), live::body);

        assertEquals(200, metrics.statusCode(), metrics::body);
        List<String> ours = metrics.body().lines().filter(l -> l.startsWith("polyproto_")).toList();
        assertTrue(ours.stream().anyMatch(l -> l.startsWith("polyproto_identify_seconds_count{")
                && l.contains("outcome=\"OK\"")), ours::toString);
        assertTrue(ours.stream().anyMatch(l -> l.startsWith("polyproto_identify_seconds_count{")
                && l.contains("outcome=\"P2CORE_SIGNATURE_INVALID\"")), ours::toString);
        assertTrue(ours.stream().anyMatch(l -> l.startsWith("polyproto_events_queued_total")), ours::toString);
        assertTrue(ours.stream().anyMatch(l -> l.startsWith("polyproto_events_drained_total")), ours::toString);
        for (String line : ours) {
            assertFalse(line.contains("@") || line.contains(member.name()) || line.contains(Flows.DOMAIN + "\""),
                    line);
        }
    }

    /** The check named {@code polyproto} of a MicroProfile Health answer. */
    static JsonObject check(String health) {
        return Json.createReader(new StringReader(health)).readObject().getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("name").equals("polyproto"))
                .findFirst().orElseThrow(() -> new AssertionError("no polyproto check in " + health));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(base, path);
    }

    static HttpResponse<String> get(java.net.URL deployment, String path) throws Exception {
        URI root = URI.create(deployment.toString()).resolve("/");
        return CLIENT.send(HttpRequest.newBuilder(root.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
