package org.polyproto.jakarta.internal.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.polyproto.jakarta.spi.storage.StorageReadiness;

/**
 * Whether the storage says it cannot serve now, asked about a failure that nothing recognised as the storage's: a
 * database that goes away mid-request can fail in shapes no classification foresees (a statement on a connection
 * that the pool closed under it, a driver's own state error), and those are an outage, not a defect. Every
 * {@link StorageReadiness} is asked; one that is not ready or throws means an outage. The answer is kept for a
 * second, and while one caller asks the others take the last answer, so an outage costs at most one probe per second.
 */
@ApplicationScoped
public class StorageOutage {

    private static final long KEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private Iterable<StorageReadiness> checks;
    private final LongSupplier nanoTime;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile Probe last;

    StorageOutage() {
        this(List.of(), System::nanoTime);
    }

    /** Asks {@code checks}; {@code nanoTime} is {@link System#nanoTime} but in tests. */
    public StorageOutage(Iterable<StorageReadiness> checks, LongSupplier nanoTime) {
        this.checks = checks;
        this.nanoTime = nanoTime;
    }

    @Inject
    void checks(@Any Instance<StorageReadiness> all) {
        this.checks = all;
    }

    /** True when a readiness check said, within the last second, that the storage cannot serve. */
    public boolean confirmed() {
        Probe seen = last;
        long now = nanoTime.getAsLong();
        if (seen != null && now - seen.at < KEEP_NANOS || !probing.compareAndSet(false, true)) {
            return seen != null && seen.down;
        }
        try {
            boolean down = !reasons().isEmpty();
            last = new Probe(nanoTime.getAsLong(), down);
            return down;
        } finally {
            probing.set(false);
        }
    }

    /**
     * Why the storage cannot serve now, asking every {@link StorageReadiness} (no cache): each one's reason, or "the
     * storage check failed" for one that throws; empty when all are ready. Also the readiness health check's.
     */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        for (StorageReadiness check : checks) {
            try {
                check.notReadyBecause().ifPresent(reasons::add);
            } catch (RuntimeException e) {
                reasons.add("the storage check failed");
            }
        }
        return reasons;
    }

    private record Probe(long at, boolean down) {
    }
}
