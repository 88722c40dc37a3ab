package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.Optional;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IssuedIdCertLookup;

/**
 * Identify's read of a home actor's issued record ({@link JpaIdCertStore#find}) with the standing of its signer
 * ({@link JpaServerKeyCustody#inForce}) in one statement over {@code p2_id_cert} and {@code p2_server_key}.
 */
@ApplicationScoped
@StorageOperation
public class JpaIssuedIdCertLookup implements IssuedIdCertLookup {

    @Inject
    UnitSql sql;
    @Inject
    ServerScope scope;

    @Override
    @Jdbc
    public Optional<IdCertRecord> findSignedByKeyInForce(BigInteger certSerial, BigInteger signerSerial) {
        if (!Conversions.isStorableSerial(certSerial) || !Conversions.isStorableSerial(signerSerial)) {
            return Optional.empty();
        }
        return sql.first(JpaIdCertStore.RECORD_BY_SERIAL + " and exists (" + JpaServerKeyCustody.IN_FORCE + ")",
                JpaIdCertStore::toRecord, certSerial, signerSerial, scope.domain());
    }
}
