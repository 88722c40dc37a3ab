package org.polyproto.jakarta.spi.storage.memory;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.spi.storage.SessionStore;

/**
 * A {@link SessionStore} in maps, for tests: one session per (actor, session ID); thread-safe, each call atomic,
 * not transactional (nothing is rolled back).
 */
public class InMemorySessionStore implements SessionStore {

    private final Map<String, Session> byTokenHash = new HashMap<>();
    private final Map<ClientId, String> tokenHashByClient = new HashMap<>();

    /** Nothing to wait for: this store has no transactions, and each call is atomic on its own. */
    @Override
    public void lockActor(FederationId fid) {
    }

    @Override
    public synchronized void open(Session session) {
        String replaced = tokenHashByClient.put(ClientId.of(session), session.tokenHash());
        if (replaced != null) {
            byTokenHash.remove(replaced);
        }
        byTokenHash.put(session.tokenHash(), session);
    }

    @Override
    public synchronized boolean updateCertificate(String tokenHash, BigInteger certSerial, String certPem) {
        Session s = byTokenHash.get(tokenHash);
        if (s == null) {
            return false;
        }
        byTokenHash.put(tokenHash, new Session(tokenHash, s.fid(), s.sessionId(), certSerial, certPem, s.openedAt(),
                s.expiresAt()));
        return true;
    }

    @Override
    public synchronized Optional<Session> findByTokenHash(String tokenHash) {
        return Optional.ofNullable(byTokenHash.get(tokenHash));
    }

    @Override
    public synchronized List<Session> findByActor(FederationId fid) {
        return byTokenHash.values().stream().filter(s -> s.fid().equals(fid))
                .sorted(Comparator.comparing(Session::openedAt)).toList();
    }

    @Override
    public synchronized boolean close(String tokenHash) {
        Session closed = byTokenHash.remove(tokenHash);
        if (closed == null) {
            return false;
        }
        tokenHashByClient.remove(ClientId.of(closed));
        return true;
    }

    @Override
    public synchronized List<Session> findByDomain(String domain) {
        return byTokenHash.values().stream().filter(s -> s.fid().domain().equals(domain)).toList();
    }

    @Override
    public synchronized List<Session> purgeExpired(Instant now, int max) {
        List<Session> expired = byTokenHash.values().stream().filter(s -> s.expiresAt().isBefore(now)).limit(max)
                .toList();
        expired.forEach(s -> close(s.tokenHash()));
        return expired;
    }

    /** How many sessions are stored, for tests that check what a request left behind. */
    public synchronized int size() {
        return byTokenHash.size();
    }
}
