package org.polyproto.jakarta.spi.storage.memory;

import org.polyproto.jakarta.spi.storage.IdCertStore;
import org.polyproto.jakarta.spi.storage.tck.IdCertStoreContract;

class InMemoryIdCertStoreContractTest extends IdCertStoreContract {

    @Override
    protected IdCertStore createStore() {
        return new InMemoryIdCertStore();
    }
}
