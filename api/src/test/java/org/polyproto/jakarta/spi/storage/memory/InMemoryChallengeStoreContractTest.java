package org.polyproto.jakarta.spi.storage.memory;

import org.polyproto.jakarta.spi.storage.ChallengeStore;
import org.polyproto.jakarta.spi.storage.tck.ChallengeStoreContract;

class InMemoryChallengeStoreContractTest extends ChallengeStoreContract {

    @Override
    protected ChallengeStore createStore() {
        return new InMemoryChallengeStore();
    }
}
