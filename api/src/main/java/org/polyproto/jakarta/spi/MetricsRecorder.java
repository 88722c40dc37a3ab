package org.polyproto.jakarta.spi;

import java.time.Duration;
import org.polyproto.jakarta.api.Incubating;

/**
 * Receives the module's counters and timers. The module brings one for MicroProfile Metrics, used when the server
 * has it; a host that uses something else (Micrometer, OpenTelemetry) implements this interface, and its bean
 * replaces the module's. Every bean of this type is called.
 * <p>
 * Every label comes from a fixed set that the module or the host defines, never from a request: error codes of
 * {@code ErrorCode} (or of the host's own handlers), route classes, outcomes and causes named below. No Federation
 * ID, domain, address or token ever becomes a label. Called on request threads, often: it must be cheap, thread-safe
 * and must never throw.
 *
 * @since 0.3
 */
@Incubating
public interface MetricsRecorder {

    /** An identify ended: {@code outcome} is {@code OK} or the error code it was refused with. */
    void identify(String outcome, Duration took);

    /**
     * A fetch from another home server ended: {@code outcome} is {@code OK}, the error code it ended with
     * ({@code P2CORE_NOT_FEDERATED} when there was no usable answer, {@code P2CORE_RATE_LIMITED} when the
     * requester had no allowance left), or {@code BUSY} when the fetch bulkhead had no room (then {@code took} is
     * zero).
     */
    void federationFetch(String outcome, Duration took);

    /**
     * A request was answered 503: {@code cause} is {@code STORAGE} (database down or its pool exhausted) or
     * {@code PASSWORD_HASHING} (no hashing turn in time).
     */
    void unavailable(String cause);

    /** A request was refused with 429 by the limit of {@code routeClass}. */
    void rateLimited(RouteClass routeClass);

    /** A password attempt locked its actor ({@code LOCKED}) or was refused during a lock ({@code REFUSED}). */
    void bruteForce(String outcome);

    /** {@code count} events were queued for clients (a broadcast counts once). */
    void eventsQueued(int count);

    /** {@code count} events were handed to a client. */
    void eventsDrained(int count);
}
