package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.spi.MetricsRecorder;
import org.polyproto.jakarta.spi.RouteClass;
import org.polyproto.jakarta.testing.TestActor;

/** What the services count, under labels from fixed sets only, and that a failing recorder fails nothing. */
class ModuleMetricsTest {

    private static final String PASSWORD = "correct horse battery";

    private final ServiceFixture f = new ServiceFixture(Map.of("polyproto.rate-limit.actor.burst", "2",
            "polyproto.rate-limit.actor.per-minute", "1", "polyproto.brute-force.max-failures", "2"));

    @Test
    void identifiesAreTimedByOutcomeAndRefusalsByTheirCode() {
        ServiceFixture.Issued alice = f.issue("alice", "phone");
        f.identify(alice.key(), alice.certDer());
        assertThrows(PolyprotoException.class, () -> f.identify(TestActor.generate(), alice.certDer()));
        assertThrows(PolyprotoException.class, () -> f.identify(alice.key(), alice.certDer()));

        assertEquals(1, f.recorded.count("identify OK"));
        assertEquals(1, f.recorded.count("identify P2CORE_SIGNATURE_INVALID"));
        assertEquals(1, f.recorded.count("identify P2CORE_RATE_LIMITED"));
        assertEquals(1, f.recorded.count("rate-limited " + RouteClass.ACTOR));
    }

    @Test
    void locksAndAttemptsDuringThemAreCounted() {
        f.registrations.register("bob", Optional.of(PASSWORD), JsonValue.EMPTY_JSON_OBJECT);
        String csr = TestActor.generate().csrPem("bob", ServiceFixture.DOMAIN, "s");
        for (int i = 0; i < 3; i++) {
            assertThrows(PolyprotoException.class, () -> f.trusts.trust("bob", csr, Optional.of("not the password"),
                    JsonValue.EMPTY_JSON_OBJECT));
        }

        assertEquals(1, f.recorded.count("brute-force LOCKED"));
        assertEquals(1, f.recorded.count("brute-force REFUSED"));
    }

    @Test
    void queuedEventsAreCountedAndNoLabelComesFromARequest() {
        ServiceFixture.Issued first = f.issue("carol", "phone");
        f.issue("carol", "laptop");
        f.identify(first.key(), first.certDer());
        f.advance(Duration.ofSeconds(1));
        f.serverKeys.rotate();

        assertTrue(f.recorded.count("queued 1") >= 3, () -> f.recorded.recorded().toString());
        for (String line : f.recorded.recorded()) {
            assertFalse(line.contains("@") || line.contains(ServiceFixture.DOMAIN) || line.contains("carol"), line);
        }
    }

    @Test
    void aRecorderThatThrowsFailsNoRequest() {
        MetricsRecorder broken = (MetricsRecorder) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {MetricsRecorder.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("the registry is gone");
                });
        f.identification.metrics = ModuleMetrics.of(broken, f.recorded);
        ServiceFixture.Issued dave = f.issue("dave", "phone");

        f.identify(dave.key(), dave.certDer());

        assertEquals(1, f.recorded.count("identify OK"), "the next recorder still got it");
    }
}
