package org.polyproto.jakarta.spi.storage.memory;

import org.polyproto.jakarta.spi.storage.KeyTrialStore;
import org.polyproto.jakarta.spi.storage.tck.KeyTrialStoreContract;

class InMemoryKeyTrialStoreContractTest extends KeyTrialStoreContract {

    @Override
    protected KeyTrialStore createStore() {
        return new InMemoryKeyTrialStore();
    }
}
