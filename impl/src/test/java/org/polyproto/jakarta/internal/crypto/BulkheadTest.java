package org.polyproto.jakarta.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.polyproto.jakarta.api.PolyprotoException;

class BulkheadTest {

    @Test
    void aSaturatedHasherAnswersUnavailableWithinTheWait() throws Exception {
        Bulkhead bulkhead = new Bulkhead(1, Duration.ofMillis(200));
        PasswordHasher hasher = new PasswordHasher(new SecureRandom(), bulkhead);
        String stored = hasher.hash("correct horse");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            holder.submit(() -> bulkhead.run(() -> {
                held.countDown();
                try {
                    return release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(held.await(5, TimeUnit.SECONDS));
            assertUnavailableWithinWait(() -> hasher.hash("another one"));
            assertUnavailableWithinWait(() -> hasher.verify("correct horse", stored));
            assertUnavailableWithinWait(() -> hasher.verifyAgainstDummy("unknown name's password"));
            release.countDown();
            assertTrue(hasher.verify("correct horse", stored), "the permit is returned once the holder is done");
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
    }

    private static void assertUnavailableWithinWait(Executable call) {
        long start = System.nanoTime();
        PolyprotoException e = assertThrows(PolyprotoException.class, call);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, e.status());
        assertEquals("P2CORE_UNAVAILABLE", e.code());
        assertEquals(1, e.retryAfterSeconds().getAsLong());
        assertTrue(waitedMillis >= 150 && waitedMillis < 2000, "waited " + waitedMillis + " ms");
    }

    @Test
    void aFailingCallReturnsItsPermit() {
        Bulkhead bulkhead = new Bulkhead(1, Duration.ofMillis(50));
        assertThrows(IllegalStateException.class, () -> bulkhead.run(() -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals("next", bulkhead.run(() -> "next"));
    }
}
