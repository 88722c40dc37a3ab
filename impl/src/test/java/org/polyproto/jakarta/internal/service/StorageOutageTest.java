package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.spi.storage.StorageReadiness;

/** An outage is what a readiness check says, asked at most once a second and by one caller at a time. */
class StorageOutageTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger probes = new AtomicInteger();
    private volatile Optional<String> reason = Optional.empty();
    private final StorageReadiness counted = () -> {
        probes.incrementAndGet();
        return reason;
    };

    @Test
    void anyCheckNotReadyOrThrowingIsAnOutageAndNoCheckIsNone() {
        StorageReadiness throwing = () -> {
            throw new IllegalStateException("no connection");
        };
        assertTrue(new StorageOutage(List.of(counted, throwing), nanos::get).confirmed());
        reason = Optional.of("the database does not answer");
        assertTrue(new StorageOutage(List.of(counted), nanos::get).confirmed());
        assertFalse(new StorageOutage(List.of(), nanos::get).confirmed());
        assertEquals(List.of("the database does not answer", "the storage check failed"),
                new StorageOutage(List.of(counted, throwing), nanos::get).reasons(), "every reason, none swallowed");
    }

    @Test
    void theAnswerIsKeptForASecondThenAskedAgain() {
        StorageOutage outage = new StorageOutage(List.of(counted), nanos::get);
        reason = Optional.of("down");
        assertTrue(outage.confirmed());
        reason = Optional.empty();
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
        assertTrue(outage.confirmed(), "still the answer of the last probe");
        assertEquals(1, probes.get());

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertFalse(outage.confirmed());
        assertEquals(2, probes.get());
    }

    @Test
    void whileOneCallerProbesTheOthersTakeTheLastAnswer() throws Exception {
        CountDownLatch probing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StorageReadiness slow = () -> {
            probes.incrementAndGet();
            probing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of("down");
        };
        StorageOutage outage = new StorageOutage(List.of(slow), nanos::get);
        ExecutorService threads = Executors.newFixedThreadPool(1);
        try {
            Future<Boolean> first = threads.submit(outage::confirmed);
            assertTrue(probing.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 100; i++) {
                assertFalse(outage.confirmed(), "no answer yet: not an outage");
            }
            release.countDown();
            assertTrue(first.get(10, TimeUnit.SECONDS));
            assertTrue(outage.confirmed());
            assertEquals(1, probes.get());
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }
}
