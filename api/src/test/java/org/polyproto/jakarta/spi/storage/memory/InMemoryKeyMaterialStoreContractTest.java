package org.polyproto.jakarta.spi.storage.memory;

import org.polyproto.jakarta.spi.storage.KeyMaterialStore;
import org.polyproto.jakarta.spi.storage.tck.KeyMaterialStoreContract;

class InMemoryKeyMaterialStoreContractTest extends KeyMaterialStoreContract {

    @Override
    protected KeyMaterialStore createStore() {
        return new InMemoryKeyMaterialStore();
    }
}
