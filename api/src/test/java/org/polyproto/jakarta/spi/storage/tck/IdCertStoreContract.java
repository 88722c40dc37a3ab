package org.polyproto.jakarta.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IdCertStore;

/**
 * The contract of {@link IdCertStore}: certificates found by serial (serials of up to 20 octets stored exactly),
 * kept after invalidation; {@code findValidAt} with inclusive validity bounds, invalidation taking effect at its
 * instant, newest first and limited, or per session ID; {@code invalidate} keeping the first invalidation.
 * <p>
 * To run it on your store: subclass it, return a new, empty store from {@link #createStore()}, and override
 * {@link #inTransaction(java.util.function.Supplier)} to run each call in a transaction of its own (see
 * {@link StoreContract}).
 */
public abstract class IdCertStoreContract extends StoreContract<IdCertStore> {

    protected static final Instant T = Instant.ofEpochSecond(1_800_000_000L);
    protected static final FederationId ALICE = FederationId.parse("alice@example.com");
    protected static final FederationId BOB = FederationId.parse("bob@example.com");
    protected static final List<BigInteger> LARGE_SERIALS = SessionStoreContract.LARGE_SERIALS;

    protected static IdCertRecord cert(long serial, FederationId fid, String sessionId, Instant notBefore,
                                       Instant notAfter) {
        return new IdCertRecord(BigInteger.valueOf(serial), fid, sessionId, "PEM " + serial, notBefore, notAfter,
                Optional.empty());
    }

    private IdCertRecord saved(IdCertRecord cert) {
        inTransaction(() -> store.save(cert));
        return cert;
    }

    private Optional<IdCertRecord> find(BigInteger serial) {
        return inTransaction(() -> store.find(serial));
    }

    private List<IdCertRecord> validAt(FederationId fid, Instant t, int limit) {
        return inTransaction(() -> store.findValidAt(fid, t, limit));
    }

    private Set<IdCertRecord> validAt(FederationId fid, String sessionId, Instant t) {
        return new HashSet<>(inTransaction(() -> store.findValidAt(fid, sessionId, t)));
    }

    private void invalidate(BigInteger serial, Instant at) {
        inTransaction(() -> store.invalidate(serial, at));
    }

    @Test
    public void aSavedCertificateIsFoundBySerial() {
        IdCertRecord cert = saved(cert(1, ALICE, "s1", T, T.plusSeconds(3600)));

        assertEquals(Optional.of(cert), find(BigInteger.ONE));
        assertEquals(Optional.empty(), find(BigInteger.TWO));
        assertEquals(Optional.empty(), find(BigInteger.TWO.pow(160)), "a serial of 21 octets was never issued");
    }

    @Test
    public void aCertificateSavedAsInvalidatedIsKeptSo() {
        IdCertRecord cert = new IdCertRecord(BigInteger.ONE, ALICE, "s1", "PEM", T, T.plusSeconds(3600),
                Optional.of(T.plusSeconds(60)));
        saved(cert);

        assertEquals(Optional.of(cert), find(BigInteger.ONE));
        assertEquals(List.of(cert), validAt(ALICE, T.plusSeconds(59), 10));
        assertEquals(List.of(), validAt(ALICE, T.plusSeconds(60), 10));
    }

    @Test
    public void serialsOfUpTo20OctetsAreKeptExactly() {
        Set<IdCertRecord> saved = new HashSet<>();
        for (BigInteger serial : LARGE_SERIALS) {
            IdCertRecord cert = saved(new IdCertRecord(serial, ALICE, "s-" + serial.bitLength(), "PEM " + serial,
                    T, T.plusSeconds(3600), Optional.empty()));
            saved.add(cert);
            assertEquals(Optional.of(cert), find(serial));
        }
        assertEquals(saved, new HashSet<>(validAt(ALICE, T, 10)));

        BigInteger huge = LARGE_SERIALS.get(1);
        invalidate(huge, T.plusSeconds(1));
        assertEquals(Optional.of(T.plusSeconds(1)), find(huge).orElseThrow().invalidatedAt());
        assertEquals(Optional.empty(), find(LARGE_SERIALS.get(0)).orElseThrow().invalidatedAt(),
                "only that certificate is invalidated");
    }

    @Test
    public void findValidAtIncludesBothBoundsOfValidity() {
        IdCertRecord cert = saved(cert(1, ALICE, "s1", T, T.plusSeconds(3600)));

        assertEquals(List.of(), validAt(ALICE, T.minusSeconds(1), 10));
        assertEquals(List.of(cert), validAt(ALICE, T, 10));
        assertEquals(List.of(cert), validAt(ALICE, T.plusSeconds(3600), 10));
        assertEquals(List.of(), validAt(ALICE, T.plusSeconds(3601), 10));
        assertEquals(Set.of(), validAt(ALICE, "s1", T.minusSeconds(1)));
        assertEquals(Set.of(cert), validAt(ALICE, "s1", T));
        assertEquals(Set.of(cert), validAt(ALICE, "s1", T.plusSeconds(3600)));
        assertEquals(Set.of(), validAt(ALICE, "s1", T.plusSeconds(3601)));
    }

    @Test
    public void findValidAtAnswersTheNewestFirstAndAtMostTheLimit() {
        for (int i = 1; i <= 5; i++) {
            saved(cert(i, ALICE, "s" + i, T.minusSeconds(100 - i), T.plusSeconds(3600)));
        }
        saved(cert(9, BOB, "s1", T, T.plusSeconds(3600)));

        assertEquals(List.of(5, 4, 3), serials(validAt(ALICE, T, 3)));
        assertEquals(List.of(5, 4, 3, 2, 1), serials(validAt(ALICE, T, 10)));
        assertEquals(List.of(9), serials(validAt(BOB, T, 10)));
    }

    @Test
    public void findValidBetweenAnswersEveryCertificateValidSomewhereInTheRangeNewestFirst() {
        saved(cert(1, ALICE, "s1", T.minusSeconds(100), T.minusSeconds(50)));
        saved(cert(2, ALICE, "s2", T.minusSeconds(10), T.plusSeconds(100)));
        saved(cert(3, ALICE, "s1", T.plusSeconds(200), T.plusSeconds(300)));
        saved(cert(4, ALICE, "s1", T.minusSeconds(100), T.plusSeconds(300)));
        invalidate(BigInteger.valueOf(4), T.minusSeconds(60));
        saved(cert(9, BOB, "s1", T.minusSeconds(100), T.plusSeconds(300)));

        assertEquals(List.of(2, 1), serials(between(ALICE, Optional.empty(), T.minusSeconds(50), T, 10)),
                "both bounds included; one invalidated before the range is not");
        assertEquals(List.of(4, 1), serials(between(ALICE, Optional.empty(), T.minusSeconds(70),
                T.minusSeconds(65), 10)), "invalidated within the range: still valid at its start");
        assertEquals(List.of(3, 2), serials(between(ALICE, Optional.empty(), T, T.plusSeconds(400), 2)),
                "at most the limit, newest first");
        assertEquals(List.of(1), serials(between(ALICE, Optional.of("s1"), T.minusSeconds(50), T, 10)));
        assertEquals(List.of(), between(ALICE, Optional.empty(), T.plusSeconds(301), T.plusSeconds(400), 10));
    }

    private List<IdCertRecord> between(FederationId fid, Optional<String> sessionId, Instant from, Instant to,
                                       int limit) {
        return inTransaction(() -> store.findValidBetween(fid, sessionId, from, to, limit));
    }

    @Test
    public void findValidAtOfASessionAnswersThatSessionsCertificatesOnly() {
        IdCertRecord first = saved(cert(1, ALICE, "s1", T.minusSeconds(10), T.plusSeconds(3600)));
        IdCertRecord second = saved(cert(2, ALICE, "s1", T.minusSeconds(5), T.plusSeconds(3600)));
        IdCertRecord otherSession = saved(cert(3, ALICE, "s2", T, T.plusSeconds(3600)));
        saved(cert(4, BOB, "s1", T, T.plusSeconds(3600)));
        saved(cert(5, ALICE, "s1", T.plusSeconds(1), T.plusSeconds(3600)));

        assertEquals(Set.of(first, second), validAt(ALICE, "s1", T));
        assertEquals(Set.of(otherSession), validAt(ALICE, "s2", T));
        assertEquals(Set.of(), validAt(ALICE, "s3", T));
    }

    @Test
    public void anInvalidatedCertificateIsValidOnlyBeforeItsInvalidationAndKept() {
        IdCertRecord cert = saved(cert(1, ALICE, "s1", T, T.plusSeconds(3600)));
        IdCertRecord other = saved(cert(2, ALICE, "s2", T, T.plusSeconds(3600)));

        invalidate(BigInteger.ONE, T.plusSeconds(50));

        IdCertRecord invalidated = new IdCertRecord(cert.serial(), ALICE, "s1", cert.pem(), cert.notBefore(),
                cert.notAfter(), Optional.of(T.plusSeconds(50)));
        assertEquals(Optional.of(invalidated), find(BigInteger.ONE), "kept, with the instant");
        assertEquals(Set.of(invalidated, other), new HashSet<>(validAt(ALICE, T.plusSeconds(49), 10)));
        assertEquals(List.of(other), validAt(ALICE, T.plusSeconds(50), 10));
        assertEquals(Set.of(), validAt(ALICE, "s1", T.plusSeconds(50)));
        assertEquals(Set.of(invalidated), validAt(ALICE, "s1", T.plusSeconds(49)));
    }

    @Test
    public void invalidatingAgainKeepsTheFirstInvalidation() {
        saved(cert(1, ALICE, "s1", T, T.plusSeconds(3600)));

        invalidate(BigInteger.ONE, T.plusSeconds(50));
        invalidate(BigInteger.ONE, T.plusSeconds(10));
        invalidate(BigInteger.ONE, T.plusSeconds(90));

        assertEquals(Optional.of(T.plusSeconds(50)), find(BigInteger.ONE).orElseThrow().invalidatedAt());
    }

    private static List<Integer> serials(List<IdCertRecord> certs) {
        return certs.stream().map(c -> c.serial().intValueExact()).toList();
    }
}
