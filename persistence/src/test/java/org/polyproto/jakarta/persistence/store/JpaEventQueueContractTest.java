package org.polyproto.jakarta.persistence.store;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.polyproto.jakarta.spi.storage.EventQueue;
import org.polyproto.jakarta.spi.storage.tck.EventQueueContract;

class JpaEventQueueContractTest extends EventQueueContract {

    private final H2Database db = new H2Database();
    private final TransactionPerCall transactions = new TransactionPerCall(db.factory);

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected EventQueue createStore() {
        JpaEventQueue store = new JpaEventQueue();
        store.em = transactions.entityManager();
        store.scope = db.scope(H2Database.DOMAIN);
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return transactions.run(work);
    }
}
