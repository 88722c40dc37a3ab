package org.polyproto.jakarta.persistence.store;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polyproto.jakarta.spi.storage.SessionStore;
import org.polyproto.jakarta.spi.storage.tck.SessionStoreContract;

class JpaSessionStoreContractTest extends SessionStoreContract {

    @RegisterExtension
    final H2Unit h2 = new H2Unit();

    @Override
    protected SessionStore createStore() {
        JpaSessionStore store = new JpaSessionStore();
        store.em = h2.transactions.entityManager();
        store.sql = H2Database.sqlOn(store.em);
        store.scope = h2.db.scope(H2Database.DOMAIN);
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return h2.transactions.run(work);
    }
}
