package org.polyproto.jakarta.persistence.store;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polyproto.jakarta.spi.storage.ServiceStore;
import org.polyproto.jakarta.spi.storage.tck.ServiceStoreContract;

class JpaServiceStoreContractTest extends ServiceStoreContract {

    @RegisterExtension
    final H2Unit h2 = new H2Unit();

    @Override
    protected ServiceStore createStore() {
        JpaServiceStore store = new JpaServiceStore();
        store.em = h2.transactions.entityManager();
        store.scope = h2.db.scope(H2Database.DOMAIN);
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return h2.transactions.run(work);
    }
}
