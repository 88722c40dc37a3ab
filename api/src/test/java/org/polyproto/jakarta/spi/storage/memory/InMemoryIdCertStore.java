package org.polyproto.jakarta.spi.storage.memory;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IdCertStore;

/** An {@link IdCertStore} in a map, for tests: thread-safe, not transactional (nothing is rolled back). */
public class InMemoryIdCertStore implements IdCertStore {

    private static final Comparator<IdCertRecord> OLDEST_FIRST = Comparator.comparing(IdCertRecord::notBefore)
            .thenComparing(IdCertRecord::serial);

    private final Map<BigInteger, IdCertRecord> certs = new HashMap<>();

    /** @throws IllegalStateException if a certificate with the same serial is stored */
    @Override
    public synchronized void save(IdCertRecord cert) {
        if (certs.putIfAbsent(cert.serial(), cert) != null) {
            throw new IllegalStateException("serial " + cert.serial() + " is already stored");
        }
    }

    @Override
    public synchronized Optional<IdCertRecord> find(BigInteger serial) {
        return Optional.ofNullable(certs.get(serial));
    }

    @Override
    public synchronized List<IdCertRecord> findValidAt(FederationId fid, Instant t, int limit) {
        return certs.values().stream().filter(c -> c.fid().equals(fid) && c.validAt(t))
                .sorted(OLDEST_FIRST.reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<IdCertRecord> findValidAt(FederationId fid, String sessionId, Instant t) {
        return certs.values().stream()
                .filter(c -> c.fid().equals(fid) && c.sessionId().equals(sessionId) && c.validAt(t))
                .sorted(OLDEST_FIRST).toList();
    }

    @Override
    public synchronized List<IdCertRecord> findValidBetween(FederationId fid, Optional<String> sessionId,
                                                            Instant from, Instant to, int limit) {
        return certs.values().stream().filter(c -> c.fid().equals(fid) && c.validDuring(from, to)
                        && sessionId.map(c.sessionId()::equals).orElse(true))
                .sorted(OLDEST_FIRST.reversed()).limit(limit).toList();
    }

    @Override
    public synchronized void invalidate(BigInteger serial, Instant at) {
        certs.computeIfPresent(serial, (s, c) -> c.invalidatedAt().isPresent() ? c : new IdCertRecord(s, c.fid(),
                c.sessionId(), c.pem(), c.notBefore(), c.notAfter(), Optional.of(at)));
    }
}
