package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.persistence.entity.ServerKeyEntity;
import org.polyproto.jakarta.spi.ConfigurationSource;
import org.polyproto.jakarta.spi.PolyprotoDefault;
import org.polyproto.jakarta.spi.PolyprotoStorage;
import org.polyproto.jakarta.spi.ServerKey;
import org.polyproto.jakarta.spi.ServerKeyCustody;
import org.polyproto.jakarta.spi.ServerSigningKey;

/**
 * Server keys in {@code p2_server_key}, one row per generation; the private key is stored encrypted
 * ({@link ServerKeyCipher}) under {@code polyproto.server-key.secret}. Rotation locks the current row, so two
 * concurrent rotations leave one consistent history.
 */
@ApplicationScoped
@PolyprotoDefault
@Transactional
public class JpaServerKeyCustody implements ServerKeyCustody {

    static final String SECRET = "polyproto.server-key.secret";

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    ConfigurationSource configuration;
    @Inject
    ServerScope scope;

    private volatile ServerKeyCipher cipher;

    @Override
    public Optional<ServerSigningKey> current() {
        return currentEntity(LockModeType.NONE).map(this::toSigningKey);
    }

    @Override
    public List<ServerKey> history() {
        return em.createQuery("select k from ServerKeyEntity k where k.domain = :d order by k.generation",
                        ServerKeyEntity.class)
                .setParameter("d", domain()).getResultStream().map(JpaServerKeyCustody::toKey).toList();
    }

    @Override
    public ServerSigningKey initialize(ServerSigningKey first) {
        Optional<ServerSigningKey> existing = current();
        if (existing.isPresent()) {
            return existing.get();
        }
        em.persist(toEntity(first, 1));
        em.flush();
        return first;
    }

    @Override
    public boolean rotate(ServerSigningKey next, BigInteger expectedCurrentSerial, Instant at) {
        Optional<ServerKeyEntity> current = currentEntity(LockModeType.PESSIMISTIC_WRITE);
        if (current.isEmpty() || current.get().serial != expectedCurrentSerial.longValueExact()) {
            return false;
        }
        current.get().retiredAt = at.getEpochSecond();
        em.persist(toEntity(next, current.get().generation + 1));
        em.flush();
        return true;
    }

    private Optional<ServerKeyEntity> currentEntity(LockModeType lock) {
        return em.createQuery("select k from ServerKeyEntity k where k.domain = :d and k.retiredAt is null"
                        + " order by k.generation desc", ServerKeyEntity.class)
                .setParameter("d", domain()).setLockMode(lock).setMaxResults(1).getResultStream().findFirst();
    }

    private ServerKeyEntity toEntity(ServerSigningKey signing, int generation) {
        ServerKey key = signing.key();
        ServerKeyEntity e = new ServerKeyEntity();
        e.serial = key.serial().longValueExact();
        e.domain = domain();
        e.generation = generation;
        e.certificatePem = key.certificatePem();
        e.privateKey = cipher().encrypt(signing.privateKeySeed(), e.serial);
        e.notBefore = key.notBefore().getEpochSecond();
        e.notAfter = key.notAfter().getEpochSecond();
        e.retiredAt = Conversions.secondsOrNull(key.retiredAt());
        return e;
    }

    private ServerSigningKey toSigningKey(ServerKeyEntity e) {
        return new ServerSigningKey(toKey(e), cipher().decrypt(e.privateKey, e.serial));
    }

    private static ServerKey toKey(ServerKeyEntity e) {
        return new ServerKey(BigInteger.valueOf(e.serial), e.certificatePem, Conversions.instant(e.notBefore),
                Conversions.instant(e.notAfter), Conversions.optionalInstant(e.retiredAt));
    }

    private String domain() {
        return scope.domain();
    }

    private ServerKeyCipher cipher() {
        ServerKeyCipher c = cipher;
        if (c == null) {
            c = new ServerKeyCipher(configuration.get(SECRET).orElse(null));
            cipher = c;
        }
        return c;
    }
}
