package org.polyproto.jakarta.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.Challenge;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IssuedChallengeUse;

/**
 * The contract of {@link IssuedChallengeUse}: the challenge's use is recorded, once, exactly when the issued record
 * is the actor's, as presented, not invalidated at or before the instant given, and its signer in force; otherwise
 * false, and nothing is recorded (the challenge store's own {@code use} still gets it first). Of 16 concurrent
 * callers with one challenge, exactly one gets true. Serials of up to 20 octets are matched exactly.
 * <p>
 * To run it on your implementation: subclass it, return from {@link #createStore()} the capability over an empty
 * challenge store, an empty ID-Cert store and a custody whose key in force has the serial {@link #SIGNER},
 * implement the hooks of {@link IssuedRecordContract} and the one below on those stores (each commits before it
 * returns), and override {@link #inTransaction(java.util.function.Supplier)} (see {@link StoreContract}).
 */
public abstract class IssuedChallengeUseContract extends IssuedRecordContract<IssuedChallengeUse> {

    /** {@code ChallengeStore.use} on the challenge store the capability writes, in a transaction of its own. */
    protected abstract boolean useSeparately(Challenge challenge);

    protected static Challenge challenge(int i) {
        return new Challenge(String.format("I%063d", i), T.plusSeconds(300));
    }

    private boolean useFor(Challenge challenge, IdCertRecord cert, BigInteger signer, Instant now) {
        return inRetriedTransaction(() -> store.useForIssued(challenge, cert.fid(), cert.serial(), cert.pem(), signer,
                now));
    }

    private boolean useFor(Challenge challenge, IdCertRecord cert) {
        return useFor(challenge, cert, SIGNER, T);
    }

    @Test
    public void theChallengeIsUsedOnceWhileTheRecordIsOnFile() {
        IdCertRecord cert = cert(BigInteger.ONE);
        issue(cert);

        assertTrue(useFor(challenge(1), cert));
        assertFalse(useFor(challenge(1), cert), "used before");
        assertFalse(useSeparately(challenge(1)), "the challenge store sees the use");
        assertTrue(useFor(challenge(2), cert), "another challenge");
    }

    @Test
    public void aChallengeUsedSeparatelyBeforeIsNotUsedAgain() {
        IdCertRecord cert = cert(BigInteger.ONE);
        issue(cert);
        assertTrue(useSeparately(challenge(1)));

        assertFalse(useFor(challenge(1), cert));
    }

    @Test
    public void nothingIsRecordedForARecordNotOnFileAsPresented() {
        IdCertRecord cert = cert(BigInteger.ONE);
        issue(cert);
        IdCertRecord otherActor = new IdCertRecord(cert.serial(), FederationId.parse("bob@example.com"),
                cert.sessionId(), cert.pem(), cert.notBefore(), cert.notAfter(), Optional.empty());
        IdCertRecord otherPem = new IdCertRecord(cert.serial(), ALICE, cert.sessionId(), cert.pem() + "x",
                cert.notBefore(), cert.notAfter(), Optional.empty());

        assertFalse(useFor(challenge(1), cert(BigInteger.TWO)), "never issued");
        assertFalse(useFor(challenge(2), otherActor), "another actor's serial");
        assertFalse(useFor(challenge(3), otherPem), "another certificate under the serial");
        assertFalse(useFor(challenge(4), cert, SIGNER.add(BigInteger.ONE), T), "a key not in force");
        assertFalse(useFor(challenge(5), cert(BigInteger.TWO.pow(160)), SIGNER, T), "a serial of 21 octets");
        assertFalse(useFor(challenge(6), cert, BigInteger.TWO.pow(160), T), "a key serial of 21 octets");
        for (int i = 1; i <= 6; i++) {
            assertTrue(useSeparately(challenge(i)), "nothing was recorded for challenge " + i);
        }
    }

    @Test
    public void nothingIsRecordedFromTheInvalidationOn() {
        IdCertRecord cert = cert(BigInteger.ONE);
        issue(cert);
        invalidate(cert.serial(), T.plusSeconds(60));

        assertTrue(useFor(challenge(1), cert, SIGNER, T.plusSeconds(59)), "before the invalidation");
        assertFalse(useFor(challenge(2), cert, SIGNER, T.plusSeconds(60)), "at it");
        assertFalse(useFor(challenge(3), cert, SIGNER, T.plusSeconds(61)), "after it");
        assertTrue(useSeparately(challenge(2)));
        assertTrue(useSeparately(challenge(3)));
    }

    @Test
    public void nothingIsRecordedOnceTheSignerIsRetired() {
        IdCertRecord cert = cert(BigInteger.ONE);
        issue(cert);
        retireSigner();

        assertFalse(useFor(challenge(1), cert));
        assertTrue(useSeparately(challenge(1)));
    }

    @Test
    public void exactlyOneOfConcurrentUsersGetsTheChallenge() {
        IdCertRecord cert = cert(BigInteger.ONE);
        issue(cert);

        List<Boolean> got = Concurrently.values(Concurrently.run(Concurrently.THREADS,
                i -> useFor(challenge(1), cert)));

        assertEquals(1, got.stream().filter(Boolean::booleanValue).count(), "users that got it: " + got);
    }

    @Test
    public void serialsOfUpTo20OctetsAreMatchedExactly() {
        List<BigInteger> serials = SessionStoreContract.LARGE_SERIALS;
        serials.forEach(serial -> issue(cert(serial)));

        for (int i = 0; i < serials.size(); i++) {
            assertTrue(useFor(challenge(i), cert(serials.get(i))), serials.get(i).toString());
        }
    }
}
