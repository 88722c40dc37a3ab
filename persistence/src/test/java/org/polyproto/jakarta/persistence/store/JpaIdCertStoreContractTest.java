package org.polyproto.jakarta.persistence.store;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polyproto.jakarta.spi.storage.IdCertStore;
import org.polyproto.jakarta.spi.storage.tck.IdCertStoreContract;

class JpaIdCertStoreContractTest extends IdCertStoreContract {

    @RegisterExtension
    final H2Unit h2 = new H2Unit();

    @Override
    protected IdCertStore createStore() {
        JpaIdCertStore store = new JpaIdCertStore();
        store.em = h2.transactions.entityManager();
        store.sql = H2Database.sqlOn(store.em);
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return h2.transactions.run(work);
    }
}
