package org.polyproto.jakarta.persistence.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IssuedChallengeUse;
import org.polyproto.jakarta.spi.storage.tck.IssuedChallengeUseContract;

/**
 * Identify's one statement on the migrated H2 schema, over the default challenge store, ID-Cert store and custody.
 */
class JpaIssuedChallengeUseContractTest extends IssuedChallengeUseContract {

    @RegisterExtension
    final H2Unit h2 = new H2Unit();

    private final H2IssuedRecords records = new H2IssuedRecords(h2);
    private final JpaChallengeStore challenges = new JpaChallengeStore();

    @Override
    protected IssuedChallengeUse createStore() {
        records.begin(SIGNER);
        challenges.em = h2.transactions.entityManager();
        challenges.sql = H2Database.sqlOn(challenges.em);
        challenges.scope = h2.db.scope(H2Database.DOMAIN);
        return useFor(H2Database.DOMAIN);
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
