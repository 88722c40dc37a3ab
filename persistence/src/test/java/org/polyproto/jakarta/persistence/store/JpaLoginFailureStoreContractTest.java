package org.polyproto.jakarta.persistence.store;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polyproto.jakarta.spi.storage.LoginFailureStore;
import org.polyproto.jakarta.spi.storage.tck.LoginFailureStoreContract;

class JpaLoginFailureStoreContractTest extends LoginFailureStoreContract {

    @RegisterExtension
    final H2Unit h2 = new H2Unit();

    @Override
    protected LoginFailureStore createStore() {
        JpaLoginFailureStore store = new JpaLoginFailureStore();
        store.em = h2.transactions.entityManager();
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return h2.transactions.run(work);
    }
}
