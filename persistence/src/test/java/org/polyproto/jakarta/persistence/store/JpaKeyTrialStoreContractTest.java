package org.polyproto.jakarta.persistence.store;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polyproto.jakarta.spi.storage.KeyTrialStore;
import org.polyproto.jakarta.spi.storage.tck.KeyTrialStoreContract;

class JpaKeyTrialStoreContractTest extends KeyTrialStoreContract {

    @RegisterExtension
    final H2Unit h2 = new H2Unit();

    @Override
    protected KeyTrialStore createStore() {
        JpaKeyTrialStore store = new JpaKeyTrialStore();
        store.em = h2.transactions.entityManager();
        store.scope = h2.db.scope(H2Database.DOMAIN);
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return h2.transactions.run(work);
    }
}
