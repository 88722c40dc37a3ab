package org.polyproto.jakarta.internal.crypto;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;

/**
 * Lets at most {@code permits} calls run at once; a caller waits up to {@code maxWait} for a turn, else gets 503
 * {@code UNAVAILABLE} with {@code Retry-After}. Bounds the memory of concurrent password hashes (19 MiB each).
 */
public final class Bulkhead {

    private final Semaphore permits;
    private final long maxWaitNanos;

    public Bulkhead(int permits, Duration maxWait) {
        this.permits = new Semaphore(permits, true);
        this.maxWaitNanos = maxWait.toNanos();
    }

    public <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw PolyprotoException.retryAfter(ErrorCode.UNAVAILABLE,
                    "The server is busy checking passwords; retry shortly.", 1, null);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
