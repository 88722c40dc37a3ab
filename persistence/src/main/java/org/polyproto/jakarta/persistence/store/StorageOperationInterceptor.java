package org.polyproto.jakarta.persistence.store;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionRequiredException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.TransactionalException;
import java.lang.reflect.Method;
import org.polyproto.jakarta.persistence.PolyprotoStorage;

/**
 * Around every call of a JPA store, the one interceptor it has: the call joins the caller's transaction and fails
 * outside one (what {@code @Transactional(MANDATORY)} did, without a second interception per call); it flushes after
 * a call that may write (every method not marked {@link ReadOnly} or {@link Jdbc}), so that a constraint the call
 * violates fails here and not at the caller's commit; and what failed marks the transaction for rollback and is
 * translated into the storage contract's exceptions ({@link StorageFailures}).
 */
@StorageOperation
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class StorageOperationInterceptor {

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            Method method = invocation.getMethod();
            throw new TransactionalException("polyproto: " + method.getDeclaringClass().getSimpleName() + "."
                    + method.getName() + " joins its caller's transaction and was called outside one",
                    new TransactionRequiredException());
        }
        try {
            Object result = invocation.proceed();
            if (!invocation.getMethod().isAnnotationPresent(ReadOnly.class)
                    && !invocation.getMethod().isAnnotationPresent(Jdbc.class)) {
                em.flush();
            }
            return result;
        } catch (RuntimeException e) {
            transactions.setRollbackOnly();
            throw StorageFailures.translate(e);
        }
    }
}
