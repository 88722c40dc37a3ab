package org.polyproto.jakarta.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.IdCertRecord;

/**
 * The joined read of identify on the migrated H2 schema: it answers what {@link JpaIdCertStore#find} answers while
 * the signer is in force in {@code p2_server_key}, and nothing once a rotation (on any node) has retired it.
 */
class JpaIssuedIdCertLookupTest {

    static final BigInteger SIGNER = ServerKeyCustodyTest.SERIAL;
    static final BigInteger CERT = LargeSerialsTest.PAST_LONG;
    static final Instant T = LargeSerialsTest.T;

    private final H2Database db = new H2Database();
    private final TransactionPerCall transactions = new TransactionPerCall(db.factory);
    private final JpaIdCertStore certs = new JpaIdCertStore();
    private final JpaIssuedIdCertLookup lookup = lookupFor(H2Database.DOMAIN);
    private final IdCertRecord issued = new IdCertRecord(CERT, FederationId.parse("alice@example.com"), "phone",
            "PEM of alice's phone", T, T.plusSeconds(3600), Optional.empty());

    @BeforeEach
    void issue() {
        db.custody(ServerKeyCustodyTest.secret(ServerKeyCustodyTest.PASSPHRASE))
                .initialize(TestCertificates.serverKey(SIGNER));
        certs.em = transactions.entityManager();
        certs.sql = H2Database.sqlOn(certs.em);
        transactions.run(() -> {
            certs.save(issued);
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theIssuedRecordComesBackWhileItsSignerIsInForce() {
        assertEquals(Optional.of(issued), find(lookup, CERT, SIGNER));
        assertEquals(transactions.run(() -> certs.find(CERT)), find(lookup, CERT, SIGNER));
    }

    @Test
    void nothingOnceTheSignerIsRetired() throws SQLException {
        db.execute("UPDATE p2_server_key SET retired_at = " + T.getEpochSecond());

        assertEquals(Optional.empty(), find(lookup, CERT, SIGNER));
        assertTrue(transactions.run(() -> certs.find(CERT)).isPresent(), "the record itself is still there");
    }

    @Test
    void nothingForAnotherCertificateAnotherKeyOrAnotherDomainsKey() {
        assertEquals(Optional.empty(), find(lookup, CERT.add(BigInteger.ONE), SIGNER));
        assertEquals(Optional.empty(), find(lookup, CERT, SIGNER.add(BigInteger.ONE)));
        assertEquals(Optional.empty(), find(lookupFor("other.example"), CERT, SIGNER));
    }

    @Test
    void anInvalidatedRecordIsAnsweredAsStored() {
        transactions.run(() -> {
            certs.invalidate(CERT, T.plusSeconds(60));
            return null;
        });

        assertEquals(Optional.of(T.plusSeconds(60)), find(lookup, CERT, SIGNER).orElseThrow().invalidatedAt());
    }

    @Test
    void serialsThatNoColumnHoldsAreSimplyNotFound() {
        BigInteger tooLong = LargeSerialsTest.MAX.add(BigInteger.ONE);
        assertEquals(Optional.empty(), find(lookup, tooLong, SIGNER));
        assertEquals(Optional.empty(), find(lookup, CERT, tooLong));
        assertEquals(Optional.empty(), find(lookup, BigInteger.valueOf(-1), SIGNER));
    }

    private JpaIssuedIdCertLookup lookupFor(String domain) {
        JpaIssuedIdCertLookup forDomain = new JpaIssuedIdCertLookup();
        forDomain.sql = H2Database.sqlOn(transactions.entityManager());
        forDomain.scope = db.scope(domain);
        return forDomain;
    }

    private Optional<IdCertRecord> find(JpaIssuedIdCertLookup on, BigInteger cert, BigInteger signer) {
        return transactions.run(() -> on.findSignedByKeyInForce(cert, signer));
    }
}
