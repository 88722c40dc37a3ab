package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.spi.storage.StorageConflictException;
import org.polyproto.jakarta.spi.storage.StorageUnavailableException;

/** {@link Transactions#retriedOnConflict}: a transaction that lost a race is run again, up to
 * {@link Transactions#ATTEMPTS} times. */
class TransactionsTest {

    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aConflictIsRetriedUntilTheTransactionSucceeds() {
        String answer = Transactions.retriedOnConflict(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new StorageConflictException("lost a race", null);
            }
            return "done";
        });

        assertEquals("done", answer);
        assertEquals(3, attempts.get());
    }

    @Test
    void theLastConflictIsRethrown() {
        StorageConflictException[] last = new StorageConflictException[1];

        StorageConflictException thrown = assertThrows(StorageConflictException.class,
                () -> Transactions.retriedOnConflict(() -> {
                    attempts.incrementAndGet();
                    last[0] = new StorageConflictException("lost again", null);
                    throw last[0];
                }));

        assertEquals(Transactions.ATTEMPTS, attempts.get());
        assertSame(last[0], thrown);
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThrows(StorageUnavailableException.class, () -> Transactions.retriedOnConflict(() -> {
            attempts.incrementAndGet();
            throw new StorageUnavailableException("database down", null);
        }));
        assertThrows(PolyprotoException.class, () -> Transactions.retriedOnConflict(() -> {
            attempts.incrementAndGet();
            throw new PolyprotoException(ErrorCode.SESSION_ID_TAKEN, "taken");
        }));
        assertThrows(IllegalStateException.class, () -> Transactions.retriedOnConflict(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("bug");
        }));

        assertEquals(3, attempts.get(), "one attempt each");
    }

    @Test
    void withoutAContainerCallAndRunJustDoTheWork() {
        Transactions transactions = new Transactions();
        transactions.run(attempts::incrementAndGet);

        assertEquals(2, transactions.call(attempts::incrementAndGet));
    }
}
