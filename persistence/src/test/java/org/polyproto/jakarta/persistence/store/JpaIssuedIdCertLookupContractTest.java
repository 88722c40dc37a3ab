package org.polyproto.jakarta.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IssuedIdCertLookup;
import org.polyproto.jakarta.spi.storage.tck.IssuedIdCertLookupContract;

/**
 * The joined read of identify on the migrated H2 schema, over the default ID-Cert store and custody; a rotation is
 * the custody's row retired behind its back, as another node's rotation would leave it.
 */
class JpaIssuedIdCertLookupContractTest extends IssuedIdCertLookupContract {

    @RegisterExtension
    final H2Unit h2 = new H2Unit();

    private final JpaIdCertStore certs = new JpaIdCertStore();

    @Override
    protected IssuedIdCertLookup createStore() {
        h2.db.custody(ServerKeyCustodyTest.secret(ServerKeyCustodyTest.PASSPHRASE))
                .initialize(TestCertificates.serverKey(SIGNER));
        certs.em = h2.transactions.entityManager();
        certs.sql = H2Database.sqlOn(certs.em);
        return lookupFor(H2Database.DOMAIN);
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return h2.transactions.run(work);
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
            h2.db.execute("UPDATE p2_server_key SET retired_at = " + T.getEpochSecond() + " WHERE serial = " + SIGNER);
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
        lookup.sql = H2Database.sqlOn(h2.transactions.entityManager());
        lookup.scope = h2.db.scope(domain);
        return lookup;
    }
}
