package org.polyproto.jakarta.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IssuedIdCertLookup;
import org.polyproto.jakarta.spi.storage.tck.IssuedIdCertLookupContract;

/** The joined read of identify on the migrated H2 schema, over the default ID-Cert store and custody. */
class JpaIssuedIdCertLookupContractTest extends IssuedIdCertLookupContract {

    @RegisterExtension
    final H2Unit h2 = new H2Unit();

    private final H2IssuedRecords records = new H2IssuedRecords(h2);

    @Override
    protected IssuedIdCertLookup createStore() {
        records.begin(SIGNER);
        return lookupFor(H2Database.DOMAIN);
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return h2.transactions.run(work);
    }

    @Override
    protected void issue(IdCertRecord cert) {
        records.issue(cert);
    }

    @Override
    protected void invalidate(BigInteger serial, Instant at) {
        records.invalidate(serial, at);
    }

    @Override
    protected void retireSigner() {
        records.retire(SIGNER, T);
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
