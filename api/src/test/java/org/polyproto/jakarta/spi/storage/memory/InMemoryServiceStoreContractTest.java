package org.polyproto.jakarta.spi.storage.memory;

import org.polyproto.jakarta.spi.storage.ServiceStore;
import org.polyproto.jakarta.spi.storage.tck.ServiceStoreContract;

class InMemoryServiceStoreContractTest extends ServiceStoreContract {

    @Override
    protected ServiceStore createStore() {
        return new InMemoryServiceStore();
    }
}
