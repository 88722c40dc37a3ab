package org.polyproto.jakarta.spi.storage.memory;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * A transaction registry for unit tests: reports {@link #status} (active unless a test sets another) and records
 * {@link #setRollbackOnly()}, after which it reports {@link Status#STATUS_MARKED_ROLLBACK}.
 */
public final class FakeTransactionRegistry implements TransactionSynchronizationRegistry {

    public int status = Status.STATUS_ACTIVE;
    public boolean rollbackOnly;

    @Override
    public Object getTransactionKey() {
        return this;
    }

    @Override
    public void putResource(Object key, Object value) {
    }

    @Override
    public Object getResource(Object key) {
        return null;
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
    }

    @Override
    public int getTransactionStatus() {
        return rollbackOnly ? Status.STATUS_MARKED_ROLLBACK : status;
    }

    @Override
    public void setRollbackOnly() {
        rollbackOnly = true;
    }

    @Override
    public boolean getRollbackOnly() {
        return rollbackOnly;
    }
}
