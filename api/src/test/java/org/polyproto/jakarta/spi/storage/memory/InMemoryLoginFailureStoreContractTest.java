package org.polyproto.jakarta.spi.storage.memory;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.polyproto.jakarta.spi.storage.LoginFailureStore;
import org.polyproto.jakarta.spi.storage.tck.LoginFailureStoreContract;

/**
 * The in-memory store makes each call atomic but has no transactions: a count and the lock that follows it are two
 * calls. Its "transaction" here holds one lock from the first call to the last, as a database's row lock would, so
 * that the contract's count-then-lock test asks the store what a transactional caller gets.
 */
class InMemoryLoginFailureStoreContractTest extends LoginFailureStoreContract {

    private final ReentrantLock transaction = new ReentrantLock();

    @Override
    protected LoginFailureStore createStore() {
        return new InMemoryLoginFailureStore();
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        transaction.lock();
        try {
            return work.get();
        } finally {
            transaction.unlock();
        }
    }
}
