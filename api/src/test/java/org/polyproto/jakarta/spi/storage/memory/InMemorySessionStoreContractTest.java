package org.polyproto.jakarta.spi.storage.memory;

import org.polyproto.jakarta.spi.storage.SessionStore;
import org.polyproto.jakarta.spi.storage.tck.SessionStoreContract;

class InMemorySessionStoreContractTest extends SessionStoreContract {

    @Override
    protected SessionStore createStore() {
        return new InMemorySessionStore();
    }
}
