package org.polyproto.jakarta.spi.storage.memory;

import org.polyproto.jakarta.spi.storage.KeyPackageStore;
import org.polyproto.jakarta.spi.storage.tck.KeyPackageStoreContract;

class InMemoryKeyPackageStoreContractTest extends KeyPackageStoreContract {

    @Override
    protected KeyPackageStore createStore() {
        return new InMemoryKeyPackageStore();
    }
}
