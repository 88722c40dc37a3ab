package org.polyproto.jakarta.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.service.ModuleMetrics;
import org.polyproto.jakarta.internal.service.StorageOutage;
import org.polyproto.jakarta.spi.storage.StorageReadiness;
import org.polyproto.jakarta.spi.storage.StorageUnavailableException;
import org.polyproto.jakarta.testing.RecordingMetrics;

/** Every 503 the module answers is counted by its cause; a failure nobody recognised is an outage only when the
 * storage says so. */
class FailureAnswersTest {

    private final RecordingMetrics recorded = new RecordingMetrics();
    private final ModuleMetrics metrics = ModuleMetrics.of(recorded);
    private final AtomicInteger probes = new AtomicInteger();

    private FailureAnswers answers(boolean storageDown) {
        StorageReadiness readiness = () -> {
            probes.incrementAndGet();
            return storageDown ? Optional.of("the database does not answer") : Optional.empty();
        };
        return new FailureAnswers(metrics, new StorageOutage(List.of(readiness), System::nanoTime));
    }

    @Test
    void aStoreThatCannotServeIsA503CountedAsStorageWithoutAskingTheStorage() {
        PolyprotoException answer = answers(false).answer(new RuntimeException(
                new StorageUnavailableException("pool exhausted", null)));

        assertEquals(503, answer.status());
        assertEquals(List.of("unavailable STORAGE"), recorded.recorded());
        assertEquals(0, probes.get());
    }

    @Test
    void aServiceThatIsBusyIsCountedAsBusyAndOtherRefusalsAreNot() {
        FailureAnswers answers = answers(true);
        answers.answer(PolyprotoException.retryAfter(ErrorCode.UNAVAILABLE, "busy", 1, null));
        answers.answer(new PolyprotoException(ErrorCode.BAD_REQUEST, "bad"));

        assertEquals(List.of("unavailable BUSY"), recorded.recorded());
        assertEquals(0, probes.get());
    }

    @Test
    void anUnrecognisedFailureIsAnIncidentWhileTheStorageIsReady() {
        PolyprotoException answer = answers(false).answer(new IllegalStateException("a driver's own state"));

        assertEquals(500, answer.status());
        assertEquals(ErrorCode.INTERNAL.wireName(), answer.code());
        assertTrue(answer.getMessage().contains("incident"), answer::getMessage);
        assertFalse(answer.getMessage().contains("driver"), "no cause text reaches the client");
        assertEquals(List.of(), recorded.recorded());
        assertEquals(1, probes.get());
    }

    @Test
    void anUnrecognisedFailureIsA503WithRetryAfterWhileTheStorageIsNotReady() {
        PolyprotoException answer = answers(true).answer(new IllegalStateException("statement closed"));

        assertEquals(503, answer.status());
        assertEquals(ErrorCode.UNAVAILABLE.wireName(), answer.code());
        assertEquals(java.util.OptionalLong.of(FailureAnswers.RETRY_AFTER_SECONDS), answer.retryAfterSeconds());
        assertEquals(List.of("unavailable STORAGE"), recorded.recorded());
    }
}
