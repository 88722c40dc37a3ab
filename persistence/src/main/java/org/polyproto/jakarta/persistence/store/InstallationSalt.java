package org.polyproto.jakarta.persistence.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.polyproto.jakarta.persistence.entity.KeyCustodyEntity;
import org.polyproto.jakarta.persistence.log.PersistenceLog;

/**
 * The random KDF salt of this installation (per home domain) in {@code p2_key_custody}: created by the first node
 * that needs it; a node that loses the insert race reads the winner's.
 */
final class InstallationSalt {

    static final int BYTES = 32;

    private InstallationSalt() {
    }

    static byte[] obtain(NewTransaction tx, String domain) {
        return tx.run(em -> read(em.find(KeyCustodyEntity.class, domain))).orElseGet(() -> create(tx, domain));
    }

    private static byte[] create(NewTransaction tx, String domain) {
        KeyCustodyEntity row = new KeyCustodyEntity();
        row.domain = domain;
        byte[] salt = new byte[BYTES];
        new SecureRandom().nextBytes(salt);
        row.kdfSalt = Base64.getEncoder().encodeToString(salt);
        row.createdAt = Instant.now().getEpochSecond();
        try {
            tx.run(em -> {
                em.persist(row);
                em.flush();
                return null;
            });
            PersistenceLog.custodySaltCreated(domain);
            return salt;
        } catch (RuntimeException e) {
            if (!StorageFailures.isConflict(e)) {
                throw e;
            }
            return tx.run(em -> read(em.find(KeyCustodyEntity.class, domain))).orElseThrow(() -> e);
        }
    }

    private static Optional<byte[]> read(KeyCustodyEntity row) {
        return Optional.ofNullable(row).map(r -> Base64.getDecoder().decode(r.kdfSalt));
    }
}
