package org.polyproto.jakarta.persistence.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * What a container's transaction-scoped EntityManager does, with resource-local transactions: {@link #run} gives
 * each call an EntityManager and a transaction of its own, and {@link #entityManager()} is, on each thread, the one
 * of that thread's current call. A store built once with it can thus be called from many threads at once.
 */
final class TransactionPerCall {

    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    TransactionPerCall(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /**
     * Runs {@code work} in a new EntityManager and transaction, committed when it returns, rolled back if not; a
     * failure is translated as the stores' interceptor does in the container ({@link StorageFailures}).
     */
    <T> T run(Supplier<T> work) {
        if (current.get() != null) {
            throw new IllegalStateException("already in a transaction");
        }
        EntityManager em = factory.createEntityManager();
        current.set(em);
        try {
            return H2Database.inTransaction(em, work);
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        } finally {
            current.remove();
            em.close();
        }
    }

    /** An EntityManager that delegates to the calling thread's current one. */
    EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    EntityManager em = current.get();
                    if (em == null) {
                        throw new IllegalStateException("no transaction: call the store inside run()");
                    }
                    try {
                        return method.invoke(em, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
