package org.polyproto.jakarta.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IssuedIdCertLookup;
import org.polyproto.jakarta.spi.storage.tck.IssuedIdCertLookupContract;

/**
 * The joined read of identify on the migrated H2 schema, over the default ID-Cert store and custody; a rotation is
 * the custody's row retired behind its back, as another node's rotation would leave it.
 */
class JpaIssuedIdCertLookupContractTest extends IssuedIdCertLookupContract {

    private final H2Database db = new H2Database();
    private final TransactionPerCall transactions = new TransactionPerCall(db.factory);
    private final JpaIdCertStore certs = new JpaIdCertStore();

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected IssuedIdCertLookup createStore() {
        db.custody(ServerKeyCustodyTest.secret(ServerKeyCustodyTest.PASSPHRASE))
                .initialize(TestCertificates.serverKey(SIGNER));
        certs.em = transactions.entityManager();
        certs.sql = H2Database.sqlOn(certs.em);
        return lookupFor(H2Database.DOMAIN);
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return transactions.run(work);
    }

    @Override
    protected void issue(IdCertRecord cert) {
        inTransaction(() -> certs.save(cert));
    }

    @Override
    protected void invalidate(BigInteger serial, Instant at) {
        inTransaction(() -> certs.invalidate(serial, at));
    }

    @Override
    protected void retireSigner() {
        try {
            db.execute("UPDATE p2_server_key SET retired_at = " + T.getEpochSecond() + " WHERE serial = " + SIGNER);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aKeyOfTheSameSerialUnderAnotherDomainIsNotThisDeploymentsSigner() {
        issue(cert(BigInteger.ONE));

        assertEquals(Optional.empty(), inTransaction(() -> lookupFor("other.example")
                .findSignedByKeyInForce(BigInteger.ONE, SIGNER)));
    }

    private JpaIssuedIdCertLookup lookupFor(String domain) {
        JpaIssuedIdCertLookup lookup = new JpaIssuedIdCertLookup();
        lookup.sql = H2Database.sqlOn(transactions.entityManager());
        lookup.scope = db.scope(domain);
        return lookup;
    }
}
