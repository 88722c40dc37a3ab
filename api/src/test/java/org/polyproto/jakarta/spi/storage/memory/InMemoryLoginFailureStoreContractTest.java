package org.polyproto.jakarta.spi.storage.memory;

import org.polyproto.jakarta.spi.storage.LoginFailureStore;
import org.polyproto.jakarta.spi.storage.tck.LoginFailureStoreContract;

class InMemoryLoginFailureStoreContractTest extends LoginFailureStoreContract {

    @Override
    protected LoginFailureStore createStore() {
        return new InMemoryLoginFailureStore();
    }
}
