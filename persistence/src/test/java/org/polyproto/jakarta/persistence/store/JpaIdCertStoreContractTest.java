package org.polyproto.jakarta.persistence.store;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.polyproto.jakarta.spi.storage.IdCertStore;
import org.polyproto.jakarta.spi.storage.tck.IdCertStoreContract;

class JpaIdCertStoreContractTest extends IdCertStoreContract {

    private final H2Database db = new H2Database();
    private final TransactionPerCall transactions = new TransactionPerCall(db.factory);

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected IdCertStore createStore() {
        JpaIdCertStore store = new JpaIdCertStore();
        store.em = transactions.entityManager();
        store.sql = H2Database.sqlOn(store.em);
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return transactions.run(work);
    }
}
