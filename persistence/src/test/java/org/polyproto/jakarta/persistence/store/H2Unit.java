package org.polyproto.jakarta.persistence.store;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a store's contract test runs on: a migrated H2 database of its own and a transaction per call on it
 * ({@link TransactionPerCall}), closed after the test. Register it as an instance field with
 * {@code @RegisterExtension}.
 */
final class H2Unit implements AfterEachCallback {

    final H2Database db = new H2Database();
    final TransactionPerCall transactions = new TransactionPerCall(db.factory);

    @Override
    public void afterEach(ExtensionContext context) {
        db.close();
    }
}
