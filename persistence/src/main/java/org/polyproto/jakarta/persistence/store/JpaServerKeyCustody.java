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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.config.PersistenceSettings;
import org.polyproto.jakarta.persistence.config.ServerKeySecret;
import org.polyproto.jakarta.persistence.entity.ServerKeyEntity;
import org.polyproto.jakarta.spi.ServerKey;
import org.polyproto.jakarta.spi.ServerKeyCustody;
import org.polyproto.jakarta.spi.ServerSigningKey;
import org.polyproto.jakarta.persistence.log.PersistenceLog;

/**
 * Server keys in {@code p2_server_key}, one row per generation, the private key encrypted with
 * {@link ServerKeyCipher} under the secret of {@link ServerKeySecret} and bound to its row by {@link ServerKeyAad}.
 * <p>
 * Every row is authenticated when it is loaded: its private key must decrypt under this row's AAD and must be the
 * key of the row's certificate. A row that fails (no or foreign ciphertext, a swapped certificate, an edited
 * domain, serial or generation) is logged once as a WARNING and ignored: it is never the current key and never in
 * the history, so it can neither sign nor be trusted as a signer. Validity comes from the certificate itself.
 * <p>
 * Rows written before schema version 3 ({@code custody_version} 1: the serial as AAD, a key derived with a fixed
 * salt) are accepted under that old scheme only, and re-encrypted under the current one in the transaction that
 * first loads them (at start). This needs the passphrase they were written with; it cannot be a {@code base64:} key.
 * <p>
 * Rotation locks the current row, so two concurrent rotations leave one consistent history. On a first start that
 * races with another node, the loser of the unique-key race takes the winner's key.
 */
@ApplicationScoped
@Transactional
public class JpaServerKeyCustody implements ServerKeyCustody {

    /** A row if the key with this serial is this domain's key in force; {@code k} names the table. */
    static final String IN_FORCE = "select 1 from p2_server_key k where k.serial = ? and k.home_domain = ?"
            + " and k.retired_at is null";
    private static final String LIVE = "select k from ServerKeyEntity k where k.domain = :d and k.retiredAt is null"
            + " order by k.generation desc";

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    PersistenceSettings settings;
    @Inject
    ServerScope scope;
    @Inject
    NewTransaction tx;
    @Inject
    UnitSql sql;

    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile ServerKeySecret secret;
    private volatile ServerKeyCipher cipher;
    private volatile ServerKeyCipher legacyCipher;

    @Override
    public Optional<ServerSigningKey> current() {
        return live(em, LockModeType.NONE).map(Trusted::signing);
    }

    @Override
    public List<ServerKey> history() {
        return em.createQuery("select k from ServerKeyEntity k where k.domain = :d order by k.generation",
                        ServerKeyEntity.class).setParameter("d", domain()).getResultList().stream()
                .map(this::open).flatMap(Optional::stream).map(t -> t.signing().key()).toList();
    }

    /** One indexed row read; the row's private key is not opened (a row that would not open is never current). */
    @Override
    public boolean inForce(BigInteger serial) {
        return sql.first(IN_FORCE, row -> true, serial, domain()).isPresent();
    }

    /** Runs outside the caller's transaction: the insert and, when it loses a race, the re-read get their own. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ServerSigningKey initialize(ServerSigningKey first) {
        return tx.run(e -> live(e, LockModeType.NONE)).map(Trusted::signing).orElseGet(() -> insertFirst(first));
    }

    /** Stores {@code first} as generation 1, or returns the key of the node that stored one before. */
    ServerSigningKey insertFirst(ServerSigningKey first) {
        ServerKeyEntity row = toEntity(first, 1);
        try {
            tx.run(e -> {
                e.persist(row);
                e.flush();
                return null;
            });
            return first;
        } catch (RuntimeException e) {
            if (!StorageFailures.isConflict(e)) {
                throw e;
            }
            PersistenceLog.firstServerKeyStoredElsewhere(domain());
            return tx.run(m -> live(m, LockModeType.NONE)).map(Trusted::signing).orElseThrow(() -> e);
        }
    }

    @Override
    public boolean rotate(ServerSigningKey next, BigInteger expectedCurrentSerial, Instant at) {
        Optional<Trusted> current = live(em, LockModeType.PESSIMISTIC_WRITE);
        if (current.isEmpty() || !current.get().row().serial.equals(expectedCurrentSerial)) {
            return false;
        }
        current.get().row().retiredAt = at.getEpochSecond();
        Integer newest = em.createQuery("select max(k.generation) from ServerKeyEntity k where k.domain = :d",
                Integer.class).setParameter("d", domain()).getSingleResult();
        em.persist(toEntity(next, newest + 1));
        em.flush();
        return true;
    }

    /** The newest trusted generation that is not retired. */
    private Optional<Trusted> live(EntityManager e, LockModeType lock) {
        return e.createQuery(LIVE, ServerKeyEntity.class).setParameter("d", domain()).setLockMode(lock)
                .getResultList().stream().map(this::open).flatMap(Optional::stream).findFirst();
    }

    private Optional<Trusted> open(ServerKeyEntity row) {
        Optional<StoredServerCertificate> parsed = StoredServerCertificate.parse(row.certificatePem);
        if (parsed.isEmpty()) {
            return untrusted(row, "its certificate is not an Ed25519 certificate");
        }
        StoredServerCertificate cert = parsed.get();
        boolean legacy = row.custodyVersion == ServerKeyAad.LEGACY;
        if (!legacy && row.custodyVersion != ServerKeyAad.CURRENT) {
            return untrusted(row, "unknown custody_version " + row.custodyVersion);
        }
        if (legacy && secret().isRawKey()) {
            return untrusted(row, "it was stored before schema version 3 under a passphrase, and the secret is"
                    + " now a raw key; start once with that passphrase to re-encrypt it");
        }
        Optional<byte[]> seed = legacy ? legacyCipher().decrypt(row.privateKey, ServerKeyAad.legacy(row.serial))
                : cipher().decrypt(row.privateKey, aad(row, cert));
        if (seed.isEmpty()) {
            return untrusted(row, "its private key is missing or does not decrypt for this row with this secret");
        }
        if (!cert.matches(seed.get())) {
            return untrusted(row, "its private key is not the key of its certificate");
        }
        if (legacy) {
            row.privateKey = cipher().encrypt(seed.get(), aad(row, cert));
            row.custodyVersion = ServerKeyAad.CURRENT;
            PersistenceLog.serverKeyReencrypted(row.generation);
        }
        ServerKey key = new ServerKey(row.serial, row.certificatePem, cert.notBefore(), cert.notAfter(),
                Conversions.optionalInstant(row.retiredAt));
        return Optional.of(new Trusted(row, new ServerSigningKey(key, seed.get())));
    }

    private Optional<Trusted> untrusted(ServerKeyEntity row, String reason) {
        if (warned.add(row.serial + "/" + row.generation + "/" + reason)) {
            PersistenceLog.serverKeyRowUntrusted(row.domain, row.generation, row.serial, reason);
        }
        return Optional.empty();
    }

    private ServerKeyEntity toEntity(ServerSigningKey signing, int generation) {
        ServerKey key = signing.key();
        byte[] seed = signing.privateKeySeed();
        StoredServerCertificate cert = StoredServerCertificate.parse(key.certificatePem()).filter(c -> c.matches(seed))
                .orElseThrow(() -> new IllegalArgumentException("polyproto: the server certificate is not an"
                        + " Ed25519 certificate of the given private key"));
        ServerKeyEntity e = new ServerKeyEntity();
        e.serial = Conversions.serial(key.serial());
        e.domain = domain();
        e.generation = generation;
        e.certificatePem = key.certificatePem();
        e.custodyVersion = ServerKeyAad.CURRENT;
        e.privateKey = cipher().encrypt(seed, aad(e, cert));
        e.notBefore = key.notBefore().getEpochSecond();
        e.notAfter = key.notAfter().getEpochSecond();
        e.retiredAt = Conversions.secondsOrNull(key.retiredAt());
        return e;
    }

    private static byte[] aad(ServerKeyEntity row, StoredServerCertificate cert) {
        return ServerKeyAad.current(row.domain, row.serial, row.generation, cert.sha256());
    }

    private String domain() {
        return scope.domain();
    }

    private ServerKeySecret secret() {
        ServerKeySecret s = secret;
        if (s == null) {
            s = settings.serverKeySecret().orElseThrow(() -> new InvalidConfigurationException(ServerKeySecret.SECRET,
                    "(or " + ServerKeySecret.SECRET_FILE + ") is required; it encrypts the server's private key in"
                            + " the database"));
            secret = s;
        }
        return s;
    }

    /**
     * Derived once and kept. Two first callers may both derive it (the salt's insert race is settled by the
     * database); no lock is held around the salt's transactions, which once deadlocked an application's start.
     */
    private ServerKeyCipher cipher() {
        ServerKeyCipher c = cipher;
        if (c == null) {
            ServerKeySecret s = secret();
            c = ServerKeyCipher.of(s, s.isRawKey() ? null : InstallationSalt.obtain(tx, domain()));
            cipher = c;
        }
        return c;
    }

    private ServerKeyCipher legacyCipher() {
        ServerKeyCipher c = legacyCipher;
        if (c == null) {
            c = ServerKeyCipher.legacy(secret().passphrase());
            legacyCipher = c;
        }
        return c;
    }

    private record Trusted(ServerKeyEntity row, ServerSigningKey signing) {
    }
}
