package org.polyproto.jakarta.persistence.store;

import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import org.polyproto.jakarta.spi.storage.IdCertRecord;

/**
 * The issued ID-Certs and the server key behind the capability contracts' backs on the migrated H2 schema: the
 * default ID-Cert store, and the custody's row retired directly, as another node's rotation would leave it.
 */
final class H2IssuedRecords {

    private final H2Unit h2;
    private final JpaIdCertStore certs = new JpaIdCertStore();

    H2IssuedRecords(H2Unit h2) {
        this.h2 = h2;
    }

    /** Puts {@code signer} in force in the default custody; once per test, before the other calls. */
    void begin(BigInteger signer) {
        h2.db.custody(ServerKeyCustodyTest.secret(ServerKeyCustodyTest.PASSPHRASE))
                .initialize(TestCertificates.serverKey(signer));
        certs.em = h2.transactions.entityManager();
        certs.sql = H2Database.sqlOn(certs.em);
    }

    void issue(IdCertRecord cert) {
        h2.transactions.run(() -> {
            certs.save(cert);
            return null;
        });
    }

    void invalidate(BigInteger serial, Instant at) {
        h2.transactions.run(() -> {
            certs.invalidate(serial, at);
            return null;
        });
    }

    void retire(BigInteger signer, Instant at) {
        try {
            h2.db.execute("UPDATE p2_server_key SET retired_at = " + at.getEpochSecond() + " WHERE serial = " + signer);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
