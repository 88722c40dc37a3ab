package org.polyproto.jakarta.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.service.ModuleMetrics;
import org.polyproto.jakarta.spi.storage.StorageUnavailableException;
import org.polyproto.jakarta.testing.RecordingMetrics;

/** Every 503 the module answers is counted by its cause; other failures are not. */
class FailureTranslationTest {

    private final RecordingMetrics recorded = new RecordingMetrics();
    private final ModuleMetrics metrics = ModuleMetrics.of(recorded);

    @Test
    void aStoreThatCannotServeIsA503CountedAsStorage() {
        PolyprotoException answer = FailureTranslation.translate(new RuntimeException(
                new StorageUnavailableException("pool exhausted", null)), metrics);

        assertEquals(503, answer.status());
        assertEquals(List.of("unavailable STORAGE"), recorded.recorded());
    }

    @Test
    void aServiceThatIsBusyIsCountedAsBusyAndOtherRefusalsAreNot() {
        FailureTranslation.translate(PolyprotoException.retryAfter(ErrorCode.UNAVAILABLE, "busy", 1, null), metrics);
        FailureTranslation.translate(new PolyprotoException(ErrorCode.BAD_REQUEST, "bad"), metrics);

        assertEquals(List.of("unavailable BUSY"), recorded.recorded());
    }
}
