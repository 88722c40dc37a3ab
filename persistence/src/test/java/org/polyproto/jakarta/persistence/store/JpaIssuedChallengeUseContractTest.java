package org.polyproto.jakarta.persistence.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IssuedChallengeUse;
import org.polyproto.jakarta.spi.storage.tck.IssuedChallengeUseContract;

/**
 * Identify's one statement on the migrated H2 schema, over the default challenge store, ID-Cert store and custody;
 * a rotation is the custody's row retired behind its back, as another node's rotation would leave it.
 */
class JpaIssuedChallengeUseContractTest extends IssuedChallengeUseContract {

    @RegisterExtension
    final H2Unit h2 = new H2Unit();

    private final JpaIdCertStore certs = new JpaIdCertStore();
    private final JpaChallengeStore challenges = new JpaChallengeStore();

    @Override
    protected IssuedChallengeUse createStore() {
        h2.db.custody(ServerKeyCustodyTest.secret(ServerKeyCustodyTest.PASSPHRASE))
                .initialize(TestCertificates.serverKey(SIGNER));
        certs.em = h2.transactions.entityManager();
        certs.sql = H2Database.sqlOn(certs.em);
        challenges.em = certs.em;
        challenges.sql = certs.sql;
        challenges.scope = h2.db.scope(H2Database.DOMAIN);
        return useFor(H2Database.DOMAIN);
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

    @Override
    protected boolean useSeparately(Challenge challenge) {
        return inRetriedTransaction(() -> challenges.use(challenge));
    }

    @Test
    void aKeyOfTheSameSerialUnderAnotherDomainIsNotThisDeploymentsSigner() {
        IdCertRecord cert = cert(BigInteger.ONE);
        issue(cert);

        assertFalse(inTransaction(() -> useFor("other.example").useForIssued(challenge(1), cert.fid(), cert.serial(),
                cert.pem(), SIGNER, T)));
        assertTrue(useSeparately(challenge(1)));
    }

    private JpaIssuedChallengeUse useFor(String domain) {
        JpaIssuedChallengeUse use = new JpaIssuedChallengeUse();
        use.sql = H2Database.sqlOn(h2.transactions.entityManager());
        use.scope = h2.db.scope(domain);
        return use;
    }
}
