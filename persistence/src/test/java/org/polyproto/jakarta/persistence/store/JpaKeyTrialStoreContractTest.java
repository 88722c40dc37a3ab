package org.polyproto.jakarta.persistence.store;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.polyproto.jakarta.spi.storage.KeyTrialStore;
import org.polyproto.jakarta.spi.storage.tck.KeyTrialStoreContract;

class JpaKeyTrialStoreContractTest extends KeyTrialStoreContract {

    private final H2Database db = new H2Database();
    private final TransactionPerCall transactions = new TransactionPerCall(db.factory);

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected KeyTrialStore createStore() {
        JpaKeyTrialStore store = new JpaKeyTrialStore();
        store.em = transactions.entityManager();
        store.scope = db.scope(H2Database.DOMAIN);
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return transactions.run(work);
    }
}
