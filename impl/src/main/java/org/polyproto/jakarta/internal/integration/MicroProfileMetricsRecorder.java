package org.polyproto.jakarta.internal.integration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.polyproto.jakarta.spi.MetricsRecorder;
import org.polyproto.jakarta.spi.RouteClass;

/**
 * The module's metrics in the application registry of MicroProfile Metrics, e.g. {@code /metrics?scope=application}
 * on Open Liberty: timers {@code polyproto.identify} and {@code polyproto.federation.fetch} by {@code outcome},
 * counters {@code polyproto.unavailable} by {@code cause}, {@code polyproto.rate.limited} by {@code route_class},
 * {@code polyproto.brute.force} by {@code outcome}, {@code polyproto.events.queued} and
 * {@code polyproto.events.drained}. A bean only on servers with the API ({@link OptionalIntegrations}); records
 * nothing if the server offers the API without a registry.
 */
public class MicroProfileMetricsRecorder implements MetricsRecorder {

    /**
     * Bounds {@link #identifyTimers}, whose keys are the module's outcome codes (never client input), a few dozen:
     * nothing is evicted; once full, a further outcome's timer is looked up in the registry each time.
     */
    private static final int MAX_CACHED_TIMERS = 64;

    @Inject
    Instance<MetricRegistry> registries;

    private MetricRegistry registry;
    /** The identify timer of each outcome, so that the registry is not asked on every identify. */
    private final Map<String, Timer> identifyTimers = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        registry = registries.isResolvable() ? registries.get() : null;
    }

    @Override
    public void identify(String outcome, Duration took) {
        if (registry != null) {
            identifyTimer(outcome).update(took);
        }
    }

    private Timer identifyTimer(String outcome) {
        Timer cached = identifyTimers.get(outcome);
        if (cached != null) {
            return cached;
        }
        Timer timer = registry.timer("polyproto.identify", new Tag("outcome", outcome));
        if (identifyTimers.size() < MAX_CACHED_TIMERS) {
            identifyTimers.putIfAbsent(outcome, timer);
        }
        return timer;
    }

    @Override
    public void federationFetch(String outcome, Duration took) {
        if (registry != null) {
            registry.timer("polyproto.federation.fetch", new Tag("outcome", outcome)).update(took);
        }
    }

    @Override
    public void unavailable(String cause) {
        count("polyproto.unavailable", new Tag("cause", cause), 1);
    }

    @Override
    public void rateLimited(RouteClass routeClass) {
        count("polyproto.rate.limited", new Tag("route_class", routeClass.name()), 1);
    }

    @Override
    public void bruteForce(String outcome) {
        count("polyproto.brute.force", new Tag("outcome", outcome), 1);
    }

    @Override
    public void eventsQueued(int count) {
        count("polyproto.events.queued", null, count);
    }

    @Override
    public void eventsDrained(int count) {
        count("polyproto.events.drained", null, count);
    }

    private void count(String name, Tag tag, int n) {
        if (registry != null && n > 0) {
            (tag == null ? registry.counter(name) : registry.counter(name, tag)).inc(n);
        }
    }
}
