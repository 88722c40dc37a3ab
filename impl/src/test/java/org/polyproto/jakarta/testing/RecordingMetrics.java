package org.polyproto.jakarta.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.polyproto.jakarta.spi.MetricsRecorder;
import org.polyproto.jakarta.spi.RouteClass;

/** Keeps every recorded metric as a line {@code name label} (the count for event counters), for assertions. */
public final class RecordingMetrics implements MetricsRecorder {

    private final List<String> recorded = new CopyOnWriteArrayList<>();

    public List<String> recorded() {
        return List.copyOf(recorded);
    }

    public long count(String line) {
        return recorded.stream().filter(line::equals).count();
    }

    @Override
    public void identify(String outcome, Duration took) {
        recorded.add("identify " + outcome);
    }

    @Override
    public void federationFetch(String outcome, Duration took) {
        recorded.add("federation " + outcome);
    }

    @Override
    public void unavailable(String cause) {
        recorded.add("unavailable " + cause);
    }

    @Override
    public void rateLimited(RouteClass routeClass) {
        recorded.add("rate-limited " + routeClass);
    }

    @Override
    public void bruteForce(String outcome) {
        recorded.add("brute-force " + outcome);
    }

    @Override
    public void eventsQueued(int count) {
        recorded.add("queued " + count);
    }

    @Override
    public void eventsDrained(int count) {
        recorded.add("drained " + count);
    }
}
