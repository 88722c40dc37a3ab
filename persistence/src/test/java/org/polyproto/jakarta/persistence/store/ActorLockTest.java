package org.polyproto.jakarta.persistence.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;

/** {@code SessionStore.lockActor} on the JPA store: a second transaction waits until the first has committed. */
class ActorLockTest {

    static final FederationId ALICE = FederationId.parse("alice@example.com");

    private final H2Database db = new H2Database();
    private final TransactionPerCall transactions = new TransactionPerCall(db.factory);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSecondTransactionWaitsForTheFirstToCommit() throws Exception {
        JpaSessionStore store = new JpaSessionStore();
        store.em = transactions.entityManager();
        store.sql = H2Database.sqlOn(store.em);
        store.scope = db.scope(H2Database.DOMAIN);
        transactions.run(() -> {
            store.lockActor(ALICE);
            return null;
        });
        CountDownLatch firstHoldsIt = new CountDownLatch(1);
        AtomicBoolean firstDone = new AtomicBoolean();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.run(() -> {
            store.lockActor(ALICE);
            firstHoldsIt.countDown();
            sleep(300);
            firstDone.set(true);
            return null;
        }));
        assertTrue(firstHoldsIt.await(10, TimeUnit.SECONDS));
        boolean sawFirstDone = transactions.run(() -> {
            store.lockActor(ALICE);
            return firstDone.get();
        });
        first.get(10, TimeUnit.SECONDS);
        assertTrue(sawFirstDone, "the second lock returned only after the first transaction's work");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
