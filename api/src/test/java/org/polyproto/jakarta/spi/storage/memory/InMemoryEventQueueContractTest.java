package org.polyproto.jakarta.spi.storage.memory;

import org.polyproto.jakarta.spi.storage.EventQueue;
import org.polyproto.jakarta.spi.storage.tck.EventQueueContract;

class InMemoryEventQueueContractTest extends EventQueueContract {

    @Override
    protected EventQueue createStore() {
        return new InMemoryEventQueue();
    }
}
