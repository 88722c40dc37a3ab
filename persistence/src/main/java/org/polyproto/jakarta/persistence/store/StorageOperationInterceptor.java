package org.polyproto.jakarta.persistence.store;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import org.polyproto.jakarta.persistence.PolyprotoStorage;

/**
 * Around every call of a JPA store, inside the caller's transaction: flushes after a call that may write (every
 * method not marked {@link ReadOnly} or {@link Jdbc}), so that a constraint the call violates fails here and not at
 * the caller's commit, and translates what failed into the storage contract's exceptions ({@link StorageFailures}).
 */
@StorageOperation
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class StorageOperationInterceptor {

    @Inject
    @PolyprotoStorage
    EntityManager em;

    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        try {
            Object result = invocation.proceed();
            if (!invocation.getMethod().isAnnotationPresent(ReadOnly.class)
                    && !invocation.getMethod().isAnnotationPresent(Jdbc.class)) {
                em.flush();
            }
            return result;
        } catch (RuntimeException e) {
            throw StorageFailures.translate(e);
        }
    }
}
