package org.polyproto.jakarta.persistence.store;

import java.math.BigInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polyproto.jakarta.spi.ServerKeyCustody;
import org.polyproto.jakarta.spi.ServerSigningKey;
import org.polyproto.jakarta.spi.storage.tck.ServerKeyCustodyContract;

/** The default custody on the migrated H2 schema, called from many threads as the container's bean is. */
class JpaServerKeyCustodyContractTest extends ServerKeyCustodyContract {

    @RegisterExtension
    final H2Unit h2 = new H2Unit();

    @Override
    protected ServerKeyCustody createStore() {
        JpaServerKeyCustody custody = h2.db.custody(ServerKeyCustodyTest.secret(ServerKeyCustodyTest.PASSPHRASE));
        custody.em = h2.transactions.entityManager();
        custody.sql = H2Database.sqlOn(custody.em);
        return custody;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return h2.transactions.run(work);
    }

    @Override
    protected ServerSigningKey signingKey(BigInteger serial) {
        return TestCertificates.serverKey(serial);
    }
}
