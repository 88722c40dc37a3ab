package org.polyproto.jakarta.spi.storage.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.spi.storage.SessionStore;

/**
 * The contract of {@link SessionStore}: one session per (actor, session ID), a later {@code open} replacing the
 * earlier one (also when 16 threads open it at once, each in its own transaction: one session survives, and it is
 * one whose {@code open} returned); {@code updateCertificate} keeping the token; lookups by token hash (expired or
 * not), actor and actor domain; the clients of an actor whose token is valid at a time
 * ({@code clientsOf}); {@code close}; {@code purgeExpired(now, max)}, also by 16 concurrent callers, none
 * failing and none receiving a session another received; certificate serials of up to 20 octets stored exactly.
 * <p>
 * To run it on your store: subclass it, return a new, empty store from {@link #createStore()}, and override
 * {@link #inTransaction(java.util.function.Supplier)} to run each call in a transaction of its own (see
 * {@link StoreContract}). Of concurrent opens of the same (actor, session ID), all but one may fail with an
 * exception (a lost race, which the module runs again). Scoping to a server domain is not tested here: it is not
 * visible through the SPI.
 */
public abstract class SessionStoreContract extends StoreContract<SessionStore> {

    protected static final Instant T = Instant.ofEpochSecond(1_800_000_000L);
    protected static final FederationId ALICE = FederationId.parse("alice@example.com");
    protected static final FederationId BOB = FederationId.parse("bob@example.com");
    protected static final FederationId CAROL = FederationId.parse("carol@other.example");
    protected static final FederationId DAVE = FederationId.parse("dave@sub.example.com");
    protected static final List<BigInteger> LARGE_SERIALS = List.of(
            BigInteger.TWO.pow(63).add(BigInteger.ONE),
            BigInteger.TWO.pow(159).add(BigInteger.valueOf(12345)),
            BigInteger.TWO.pow(160).subtract(BigInteger.ONE));

    /** A token hash (64 lower-case hex digits), distinct for each {@code i}. */
    protected static String hash(int i) {
        return String.format("%064x", i);
    }

    protected static Session session(int hash, FederationId fid, String sessionId, Instant expiresAt) {
        return new Session(hash(hash), fid, sessionId, BigInteger.valueOf(1000 + hash), "PEM " + hash,
                T.minusSeconds(60), expiresAt);
    }

    private Session opened(int hash, FederationId fid, String sessionId, Instant expiresAt) {
        Session session = session(hash, fid, sessionId, expiresAt);
        open(session);
        return session;
    }

    private void open(Session session) {
        inTransaction(() -> store.open(session));
    }

    private Optional<Session> find(int hash) {
        return inTransaction(() -> store.findByTokenHash(hash(hash)));
    }

    private Set<Session> byActor(FederationId fid) {
        return new HashSet<>(inTransaction(() -> store.findByActor(fid)));
    }

    @Test
    public void anOpenedSessionIsFoundByItsTokenHash() {
        Session session = opened(1, ALICE, "s1", T.plusSeconds(3600));

        assertEquals(Optional.of(session), find(1));
        assertEquals(Optional.empty(), find(2));
    }

    @Test
    public void anExpiredSessionIsStillFoundByItsTokenHash() {
        Session expired = opened(1, ALICE, "s1", T.minusSeconds(1));

        assertEquals(Optional.of(expired), find(1), "the caller checks expiry");
    }

    @Test
    public void openReplacesTheSessionOfTheSameActorAndSessionId() {
        opened(1, ALICE, "s1", T.plusSeconds(3600));
        Session other = opened(2, ALICE, "s2", T.plusSeconds(3600));

        Session replacement = opened(3, ALICE, "s1", T.plusSeconds(7200));

        assertEquals(Optional.empty(), find(1), "the replaced token stops working");
        assertEquals(Optional.of(replacement), find(3));
        assertEquals(Set.of(other, replacement), byActor(ALICE));
    }

    @Test
    public void findByActorAnswersThatActorsSessionsOnly() {
        Session a1 = opened(1, ALICE, "s1", T.plusSeconds(3600));
        Session a2 = opened(2, ALICE, "s2", T.plusSeconds(3600));
        Session b1 = opened(3, BOB, "s1", T.plusSeconds(3600));

        assertEquals(Set.of(a1, a2), byActor(ALICE));
        assertEquals(Set.of(b1), byActor(BOB));
        assertEquals(Set.of(), byActor(CAROL));
    }

    @Test
    public void clientsOfAnswersThatActorsClientsWhoseTokenIsValidThenEachOnce() {
        opened(1, ALICE, "s1", T.plusSeconds(3600));
        opened(2, ALICE, "s2", T.plusSeconds(60));
        opened(3, ALICE, "gone", T.minusSeconds(1));
        opened(4, BOB, "s1", T.plusSeconds(3600));

        assertEquals(Set.of(new ClientId(ALICE, "s1"), new ClientId(ALICE, "s2")), clientsOf(ALICE, T));
        assertEquals(List.of(new ClientId(ALICE, "s1")), inTransaction(() -> store.clientsOf(ALICE,
                T.plusSeconds(60))));
        assertEquals(Set.of(new ClientId(BOB, "s1")), clientsOf(BOB, T));
        assertEquals(Set.of(), clientsOf(CAROL, T));
    }

    private Set<ClientId> clientsOf(FederationId fid, Instant now) {
        List<ClientId> clients = inTransaction(() -> store.clientsOf(fid, now));
        assertEquals(clients.size(), new HashSet<>(clients).size(), "each client once");
        return new HashSet<>(clients);
    }

    @Test
    public void findByDomainAnswersTheSessionsOfThatDomainsActors() {
        Session alice = opened(1, ALICE, "s1", T.plusSeconds(3600));
        Session bob = opened(2, BOB, "s1", T.plusSeconds(3600));
        Session carol = opened(3, CAROL, "s1", T.plusSeconds(3600));
        Session dave = opened(4, DAVE, "s1", T.plusSeconds(3600));

        assertEquals(Set.of(alice, bob), new HashSet<>(inTransaction(() -> store.findByDomain("example.com"))));
        assertEquals(Set.of(carol), new HashSet<>(inTransaction(() -> store.findByDomain("other.example"))));
        assertEquals(Set.of(dave), new HashSet<>(inTransaction(() -> store.findByDomain("sub.example.com"))));
        assertEquals(List.of(), inTransaction(() -> store.findByDomain("example")));
    }

    @Test
    public void updateCertificateKeepsTheTokenAndReplacesTheCertificate() {
        Session session = opened(1, ALICE, "s1", T.plusSeconds(3600));
        Session other = opened(2, ALICE, "s2", T.plusSeconds(3600));

        assertTrue(inTransaction(() -> store.updateCertificate(hash(1), BigInteger.valueOf(77), "PEM new")));

        assertEquals(Optional.of(new Session(session.tokenHash(), ALICE, "s1", BigInteger.valueOf(77), "PEM new",
                session.openedAt(), session.expiresAt())), find(1));
        assertEquals(Optional.of(other), find(2), "other sessions keep theirs");
    }

    @Test
    public void updateCertificateOfAnUnknownTokenIsFalse() {
        opened(1, ALICE, "s1", T.plusSeconds(3600));

        assertFalse(inTransaction(() -> store.updateCertificate(hash(2), BigInteger.TEN, "PEM")));
        assertEquals(Optional.empty(), find(2));
    }

    @Test
    public void closeEndsTheSessionOnce() {
        opened(1, ALICE, "s1", T.plusSeconds(3600));
        Session other = opened(2, ALICE, "s2", T.plusSeconds(3600));

        assertTrue(inTransaction(() -> store.close(hash(1))));

        assertEquals(Optional.empty(), find(1));
        assertEquals(Set.of(other), byActor(ALICE));
        assertFalse(inTransaction(() -> store.close(hash(1))), "already closed");
        assertFalse(inTransaction(() -> store.close(hash(3))), "never opened");
    }

    @Test
    public void purgeExpiredRemovesAndReturnsUpToMaxSessionsThatExpiredBeforeNow() {
        Set<Session> expired = new HashSet<>();
        for (int i = 1; i <= 5; i++) {
            expired.add(opened(i, ALICE, "s" + i, T.minusSeconds(i)));
        }
        Session atNow = opened(6, ALICE, "s6", T);
        Session live = opened(7, BOB, "s1", T.plusSeconds(3600));

        List<Session> first = inTransaction(() -> store.purgeExpired(T, 3));
        List<Session> second = inTransaction(() -> store.purgeExpired(T, 3));

        assertEquals(3, first.size());
        assertEquals(2, second.size());
        Set<Session> purged = new HashSet<>(first);
        purged.addAll(second);
        assertEquals(expired, purged, "each expired session returned once, as it was stored");
        assertEquals(List.of(), inTransaction(() -> store.purgeExpired(T, 3)));
        for (int i = 1; i <= 5; i++) {
            assertEquals(Optional.empty(), find(i));
        }
        assertEquals(Optional.of(atNow), find(6), "expiring at now is not expired before now");
        assertEquals(Optional.of(live), find(7));
    }

    @Test
    public void concurrentPurgesReturnEachExpiredSessionOnce() {
        Set<Session> expired = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            expired.add(opened(i, ALICE, "s" + i, T.minusSeconds(1 + i)));
        }

        List<List<Session>> purges = Concurrently.values(Concurrently.run(Concurrently.THREADS,
                t -> inTransaction(() -> store.purgeExpired(T, 5))));

        List<Session> purged = new ArrayList<>();
        purges.forEach(purged::addAll);
        purged.addAll(inTransaction(() -> store.purgeExpired(T, 100)));
        assertEquals(expired.size(), purged.size(), "no session returned twice");
        assertEquals(expired, new HashSet<>(purged));
    }

    @Test
    public void certificateSerialsOfUpTo20OctetsAreKeptExactly() {
        for (int i = 0; i < LARGE_SERIALS.size(); i++) {
            Session session = new Session(hash(i), ALICE, "s" + i, LARGE_SERIALS.get(i), "PEM " + i,
                    T, T.plusSeconds(3600));
            open(session);
            assertEquals(Optional.of(session), find(i));
        }
        BigInteger max = LARGE_SERIALS.get(2);
        assertTrue(inTransaction(() -> store.updateCertificate(hash(0), max, "PEM max")));
        assertEquals(max, find(0).orElseThrow().certSerial());

        Session replacement = new Session(hash(9), ALICE, "s1", max, "PEM 9", T, T.plusSeconds(3600));
        open(replacement);
        assertEquals(Optional.of(replacement), find(9), "a replacement keeps the serial too");
    }

    @Test
    public void lockingAnActorNeedsNoRowsAndCanBeRepeated() {
        inTransaction(() -> {
            store.lockActor(ALICE);
            store.lockActor(ALICE);
        });
        inTransaction(() -> store.lockActor(ALICE));
        opened(1, ALICE, "s1", T.plusSeconds(60));
        inTransaction(() -> {
            store.lockActor(ALICE);
            store.open(session(2, ALICE, "s2", T.plusSeconds(60)));
        });
        assertEquals(2, byActor(ALICE).size(), "a lock changes no session");
    }

    @Test
    public void concurrentOpensOfTheSameSessionLeaveOneSessionOfASuccessfulOpen() {
        opened(100, BOB, "s1", T.plusSeconds(3600));

        List<Concurrently.Outcome<Session>> outcomes = Concurrently.run(Concurrently.THREADS, i -> {
            Session session = session(i, ALICE, "s1", T.plusSeconds(3600 + i));
            inRetriedTransaction(() -> {
                store.open(session);
                return null;
            });
            return session;
        });

        Set<Session> succeeded = new HashSet<>();
        outcomes.stream().filter(Concurrently.Outcome::succeeded).forEach(o -> succeeded.add(o.value()));
        assertEquals(Concurrently.THREADS, succeeded.size(), "run again after a conflict, every open succeeds");
        Set<Session> remaining = byActor(ALICE);
        assertEquals(1, remaining.size(), "one session of (alice, s1) survives: " + remaining);
        assertTrue(succeeded.containsAll(remaining), "it is one whose open returned");
        Session survivor = remaining.iterator().next();
        for (int i = 0; i < Concurrently.THREADS; i++) {
            assertEquals(i == Integer.parseInt(survivor.tokenHash(), 16), find(i).isPresent(),
                    "only the survivor's token works");
        }
        assertTrue(find(100).isPresent(), "another actor's session is untouched");
    }
}
