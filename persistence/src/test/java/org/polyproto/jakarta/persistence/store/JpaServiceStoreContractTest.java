package org.polyproto.jakarta.persistence.store;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.polyproto.jakarta.spi.storage.ServiceStore;
import org.polyproto.jakarta.spi.storage.tck.ServiceStoreContract;

class JpaServiceStoreContractTest extends ServiceStoreContract {

    private final H2Database db = new H2Database();
    private final TransactionPerCall transactions = new TransactionPerCall(db.factory);

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected ServiceStore createStore() {
        JpaServiceStore store = new JpaServiceStore();
        store.em = transactions.entityManager();
        store.scope = db.scope(H2Database.DOMAIN);
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return transactions.run(work);
    }
}
