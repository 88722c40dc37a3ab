package org.polyproto.jakarta.internal.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.polyproto.jakarta.internal.log.ModuleLog;
import org.polyproto.jakarta.spi.MetricsRecorder;
import org.polyproto.jakarta.spi.RouteClass;

/**
 * Hands the module's counters and timers to every {@link MetricsRecorder} there is: none when the server has no
 * metrics and the host brings no recorder. A recorder that throws is logged and does not fail the request.
 */
@ApplicationScoped
public class ModuleMetrics {

    @Inject
    @Any
    Instance<MetricsRecorder> recorders;

    private List<MetricsRecorder> all = List.of();

    @PostConstruct
    void init() {
        all = recorders.stream().toList();
    }

    /** For services wired by hand (tests): these recorders, or none. */
    public static ModuleMetrics of(MetricsRecorder... recorders) {
        ModuleMetrics metrics = new ModuleMetrics();
        metrics.all = List.of(recorders);
        return metrics;
    }

    /** The time since {@code startNanos}, a {@link System#nanoTime()}. */
    public static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public void identify(String outcome, Duration took) {
        each(r -> r.identify(outcome, took));
    }

    public void federationFetch(String outcome, Duration took) {
        each(r -> r.federationFetch(outcome, took));
    }

    public void unavailable(String cause) {
        each(r -> r.unavailable(cause));
    }

    public void rateLimited(RouteClass routeClass) {
        each(r -> r.rateLimited(routeClass));
    }

    public void bruteForce(String outcome) {
        each(r -> r.bruteForce(outcome));
    }

    public void eventsQueued(int count) {
        each(r -> r.eventsQueued(count));
    }

    public void eventsDrained(int count) {
        each(r -> r.eventsDrained(count));
    }

    private void each(Consumer<MetricsRecorder> record) {
        for (MetricsRecorder recorder : all) {
            try {
                record.accept(recorder);
            } catch (RuntimeException e) {
                ModuleLog.recorderFailed(recorder.getClass().getName(), e);
            }
        }
    }
}
