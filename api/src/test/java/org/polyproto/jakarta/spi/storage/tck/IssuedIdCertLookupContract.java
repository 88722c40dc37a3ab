package org.polyproto.jakarta.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IssuedIdCertLookup;

/**
 * The contract of {@link IssuedIdCertLookup}: the record {@code IdCertStore.find} answers while the server key with
 * the given serial is in force, nothing once that key is retired, nothing for a certificate never issued or a key
 * not in force, an invalidated record as stored, and serials of up to 20 octets exactly.
 * <p>
 * To run it on your lookup: subclass it, return from {@link #createStore()} the lookup over an empty ID-Cert store
 * and a custody whose key in force has the serial {@link #SIGNER}, implement the hooks of
 * {@link IssuedRecordContract} on that store and custody (each commits before it returns), and override
 * {@link #inTransaction(java.util.function.Supplier)} (see {@link StoreContract}).
 */
public abstract class IssuedIdCertLookupContract extends IssuedRecordContract<IssuedIdCertLookup> {

    private Optional<IdCertRecord> lookup(BigInteger serial, BigInteger signer) {
        return inTransaction(() -> store.findSignedByKeyInForce(serial, signer));
    }

    @Test
    public void theIssuedRecordIsFoundWhileItsSignerIsInForce() {
        IdCertRecord cert = cert(BigInteger.ONE);
        issue(cert);

        assertEquals(Optional.of(cert), lookup(BigInteger.ONE, SIGNER));
    }

    @Test
    public void nothingOnceTheSignerIsRetired() {
        issue(cert(BigInteger.ONE));
        retireSigner();

        assertEquals(Optional.empty(), lookup(BigInteger.ONE, SIGNER));
    }

    @Test
    public void nothingForACertificateNeverIssuedOrAKeyNotInForce() {
        issue(cert(BigInteger.ONE));

        assertEquals(Optional.empty(), lookup(BigInteger.TWO, SIGNER));
        assertEquals(Optional.empty(), lookup(BigInteger.ONE, SIGNER.add(BigInteger.ONE)));
        assertEquals(Optional.empty(), lookup(BigInteger.TWO.pow(160), SIGNER), "a serial of 21 octets");
        assertEquals(Optional.empty(), lookup(BigInteger.ONE, BigInteger.TWO.pow(160)), "a key serial of 21 octets");
    }

    @Test
    public void anInvalidatedRecordIsAnsweredAsStored() {
        issue(cert(BigInteger.ONE));
        invalidate(BigInteger.ONE, T.plusSeconds(60));

        assertEquals(Optional.of(T.plusSeconds(60)), lookup(BigInteger.ONE, SIGNER).orElseThrow().invalidatedAt(),
                "the caller judges the invalidation");
    }

    @Test
    public void serialsOfUpTo20OctetsAreFoundExactly() {
        List<BigInteger> serials = SessionStoreContract.LARGE_SERIALS;
        serials.forEach(serial -> issue(cert(serial)));

        for (BigInteger serial : serials) {
            assertEquals(Optional.of(cert(serial)), lookup(serial, SIGNER));
        }
    }
}
