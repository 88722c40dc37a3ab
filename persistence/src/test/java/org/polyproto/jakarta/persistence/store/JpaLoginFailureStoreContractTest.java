package org.polyproto.jakarta.persistence.store;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.polyproto.jakarta.spi.storage.LoginFailureStore;
import org.polyproto.jakarta.spi.storage.tck.LoginFailureStoreContract;

class JpaLoginFailureStoreContractTest extends LoginFailureStoreContract {

    private final H2Database db = new H2Database();
    private final TransactionPerCall transactions = new TransactionPerCall(db.factory);

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected LoginFailureStore createStore() {
        JpaLoginFailureStore store = new JpaLoginFailureStore();
        store.em = transactions.entityManager();
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return transactions.run(work);
    }
}
