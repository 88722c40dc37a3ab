package org.polyproto.jakarta.spi.storage.tck;

import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.polyproto.jakarta.spi.storage.StorageConflictException;

/**
 * What the kit's contracts share: a fresh store for each test, and the transaction hook every store call of the kit
 * goes through.
 * <p>
 * To run a contract on your store, subclass it in your test sources, return a new, empty store from
 * {@link #createStore()} and, if your store works in transactions, override {@link #inTransaction(Supplier)} so
 * that it begins a transaction of its own, runs the work, commits, and rolls back if the work throws. The
 * concurrency tests call the hook from 16 threads at once, so each call needs its own
 * transaction (and connection), and the store must be usable from every thread, as an application-scoped bean is.
 * <p>
 * Instants in the tests are whole seconds: a store may keep times at second precision. Nothing reads the clock.
 *
 * @param <S> the storage SPI
 */
public abstract class StoreContract<S> {

    /** The store under test, made by {@link #createStore()} before each test. */
    protected S store;

    /** A new, empty store; called once before each test. */
    protected abstract S createStore();

    /** Runs {@code work} in a transaction of its own and returns its result. The default just runs it. */
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    /**
     * {@link #inTransaction(Supplier)}, run again when it fails with {@link StorageConflictException}, as the
     * module's services do: for the calls the contract allows to lose a race.
     */
    protected final <T> T inRetriedTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (StorageConflictException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** {@link #inTransaction(Supplier)} for work without a result. */
    protected final void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    @BeforeEach
    public void createStoreUnderTest() {
        store = createStore();
    }
}
