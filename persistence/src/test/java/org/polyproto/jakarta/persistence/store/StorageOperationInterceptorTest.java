package org.polyproto.jakarta.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionRequiredException;
import jakarta.transaction.TransactionalException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.spi.storage.StorageConflictException;
import org.polyproto.jakarta.spi.storage.memory.FakeTransactionRegistry;

/**
 * A store call outside a transaction fails before it runs; one that may write is flushed inside it, a read or a plain
 * JDBC call is not; what fails marks the transaction for rollback and is translated.
 */
class StorageOperationInterceptorTest {

    private final AtomicInteger flushes = new AtomicInteger();
    private final StorageOperationInterceptor interceptor = new StorageOperationInterceptor();
    private final FakeTransactionRegistry transaction = new FakeTransactionRegistry();

    StorageOperationInterceptorTest() {
        interceptor.transactions = transaction;
        interceptor.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("flush")) {
                        flushes.incrementAndGet();
                    }
                    return null;
                });
    }

    @Test
    void aCallThatMayWriteIsFlushedAndAReadOrAPlainJdbcCallIsNot() throws Exception {
        interceptor.around(call(JpaChallengeStore.class.getMethod("purgeExpired", java.time.Instant.class),
                () -> null));
        assertEquals(1, flushes.get());
        interceptor.around(call(JpaKeyMaterialStore.class.getMethod("size",
                org.polyproto.jakarta.api.FederationId.class), () -> null));
        assertEquals(1, flushes.get(), "a read-only call leaves nothing to flush");
        interceptor.around(call(JpaChallengeStore.class.getMethod("use",
                org.polyproto.jakarta.spi.storage.Challenge.class), () -> null));
        assertEquals(1, flushes.get(), "a plain JDBC call leaves nothing to flush and opens no persistence context");
    }

    @Test
    void aCallOutsideATransactionFailsBeforeItRuns() throws Exception {
        transaction.status = Status.STATUS_NO_TRANSACTION;
        AtomicInteger ran = new AtomicInteger();
        TransactionalException e = assertThrows(TransactionalException.class, () -> interceptor.around(
                call(JpaChallengeStore.class.getMethod("purgeExpired", java.time.Instant.class), () -> {
                    ran.incrementAndGet();
                    return null;
                })));
        assertInstanceOf(TransactionRequiredException.class, e.getCause());
        assertEquals(0, ran.get());
        assertEquals(0, flushes.get());
    }

    @Test
    void aFailedCallMarksTheTransactionForRollbackAndASuccessfulOneDoesNot() throws Exception {
        Method purge = JpaChallengeStore.class.getMethod("purgeExpired", java.time.Instant.class);
        interceptor.around(call(purge, () -> null));
        assertFalse(transaction.rollbackOnly);
        assertThrows(RuntimeException.class, () -> interceptor.around(call(purge, () -> {
            throw new IllegalStateException("failed");
        })));
        assertTrue(transaction.rollbackOnly);
    }

    @Test
    void aUniqueKeyViolationBecomesAConflict() throws Exception {
        PersistenceException duplicate = new PersistenceException(new SQLException("duplicate", "23505"));
        Exception e = assertThrows(Exception.class, () -> interceptor.around(
                call(JpaChallengeStore.class.getMethod("use", org.polyproto.jakarta.spi.storage.Challenge.class),
                        () -> {
                            throw duplicate;
                        })));
        assertInstanceOf(StorageConflictException.class, e);
    }

    private interface Body {
        Object run() throws Exception;
    }

    private static InvocationContext call(Method method, Body body) {
        return new InvocationContext() {
            @Override
            public Object getTarget() {
                return null;
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return method;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[0];
            }

            @Override
            public void setParameters(Object[] params) {
            }

            @Override
            public Map<String, Object> getContextData() {
                return Map.of();
            }

            @Override
            public Object proceed() throws Exception {
                return body.run();
            }
        };
    }
}
