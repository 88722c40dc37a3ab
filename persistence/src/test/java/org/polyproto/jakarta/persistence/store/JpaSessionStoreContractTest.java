package org.polyproto.jakarta.persistence.store;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.polyproto.jakarta.spi.storage.SessionStore;
import org.polyproto.jakarta.spi.storage.tck.SessionStoreContract;

class JpaSessionStoreContractTest extends SessionStoreContract {

    private final H2Database db = new H2Database();
    private final TransactionPerCall transactions = new TransactionPerCall(db.factory);

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected SessionStore createStore() {
        JpaSessionStore store = new JpaSessionStore();
        store.em = transactions.entityManager();
        store.sql = H2Database.sqlOn(store.em);
        store.scope = db.scope(H2Database.DOMAIN);
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return transactions.run(work);
    }
}
