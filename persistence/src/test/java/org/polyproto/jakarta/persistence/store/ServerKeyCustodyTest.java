package org.polyproto.jakarta.persistence.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.InvalidConfigurationException;
import org.polyproto.jakarta.persistence.config.ServerKeySecret;
import org.polyproto.jakarta.spi.ConfigurationSource;
import org.polyproto.jakarta.spi.ServerKey;
import org.polyproto.jakarta.spi.ServerSigningKey;

/** L5 and I7: the default custody on a migrated H2 schema, rows edited behind its back. */
class ServerKeyCustodyTest {

    static final String PASSPHRASE = "a long test passphrase, not the example";
    static final BigInteger SERIAL = BigInteger.TWO.pow(159).add(BigInteger.valueOf(12345));

    private final List<H2Database> databases = new ArrayList<>();
    private final H2Database db = database();

    @AfterEach
    void close() {
        databases.forEach(H2Database::close);
    }

    @Test
    void aStoredKeyLoadsBackOnAnotherNodeWithItsTwentyOctetSerial() {
        ServerSigningKey first = TestCertificates.serverKey(SERIAL);
        assertEquals(first.key(), db.custody(secret(PASSPHRASE)).initialize(first).key());
        ServerSigningKey loaded = current(db.custody(secret(PASSPHRASE))).orElseThrow();
        assertEquals(SERIAL, loaded.key().serial());
        assertArrayEquals(first.privateKeySeed(), loaded.privateKeySeed());
        assertEquals(TestCertificates.NOT_AFTER, loaded.key().notAfter(), "validity comes from the certificate");
    }

    @Test
    void withoutASecretTheDefaultCustodyFailsNamingTheKey() {
        JpaServerKeyCustody custody = db.custody(key -> Optional.empty());
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> custody.initialize(TestCertificates.serverKey(SERIAL)));
        assertEquals(ServerKeySecret.SECRET, e.key());
    }

    @Test
    void aRowWhoseCertificateWasSwappedIsNotTrusted() throws SQLException {
        db.custody(secret(PASSPHRASE)).initialize(TestCertificates.serverKey(SERIAL));
        String foreign = TestCertificates.serverKey(SERIAL).key().certificatePem();
        db.execute("UPDATE p2_server_key SET certificate_pem = '" + foreign + "'");
        JpaServerKeyCustody custody = db.custody(secret(PASSPHRASE));
        assertTrue(current(custody).isEmpty());
        assertTrue(history(custody).isEmpty());
    }

    @Test
    void aRogueGenerationWithItsOwnCertificateIsNeverASigner() throws SQLException {
        ServerSigningKey real = TestCertificates.serverKey(SERIAL);
        db.custody(secret(PASSPHRASE)).initialize(real);
        String rogue = TestCertificates.serverKey(BigInteger.TEN).key().certificatePem();
        db.execute("INSERT INTO p2_server_key (serial, home_domain, generation, certificate_pem, private_key,"
                + " not_before, not_after, custody_version) SELECT 10, home_domain, 0, '" + rogue + "', private_key,"
                + " not_before, not_after, 2 FROM p2_server_key");
        db.execute("INSERT INTO p2_server_key (serial, home_domain, generation, certificate_pem, private_key,"
                + " not_before, not_after, custody_version) SELECT 11, home_domain, 9, '" + rogue + "', '',"
                + " not_before, not_after, 2 FROM p2_server_key WHERE generation = 1");
        JpaServerKeyCustody custody = db.custody(secret(PASSPHRASE));
        assertEquals(List.of(SERIAL), history(custody).stream().map(ServerKey::serial).toList());
        assertEquals(SERIAL, current(custody).orElseThrow().key().serial(),
                "a newer generation without ciphertext does not become the current key");
    }

    @Test
    void aRowWhoseAadFieldsWereEditedNoLongerDecrypts() throws SQLException {
        db.custody(secret(PASSPHRASE)).initialize(TestCertificates.serverKey(SERIAL));
        db.execute("UPDATE p2_server_key SET generation = 7");
        assertTrue(current(db.custody(secret(PASSPHRASE))).isEmpty());
        db.execute("UPDATE p2_server_key SET generation = 1");
        assertTrue(current(db.custody(secret(PASSPHRASE))).isPresent(), "the same row, unedited, is trusted");
        assertTrue(current(db.custody(secret("another passphrase of enough length"))).isEmpty(),
                "nor under another secret");
    }

    @Test
    void eachInstallationGetsItsOwnRandomSalt() throws SQLException {
        H2Database other = database();
        db.custody(secret(PASSPHRASE)).initialize(TestCertificates.serverKey(SERIAL));
        other.custody(secret(PASSPHRASE)).initialize(TestCertificates.serverKey(SERIAL));
        String salt = single(db, "SELECT kdf_salt FROM p2_key_custody");
        assertEquals(32, Base64.getDecoder().decode(salt).length);
        assertNotEquals(salt, single(other, "SELECT kdf_salt FROM p2_key_custody"));
    }

    @Test
    void aBase64RawKeyIsUsedDirectly() throws SQLException {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String key = "base64:" + Base64.getEncoder().encodeToString(raw);
        ServerSigningKey first = TestCertificates.serverKey(SERIAL);
        db.custody(secret(key)).initialize(first);
        assertArrayEquals(first.privateKeySeed(), current(db.custody(secret(key))).orElseThrow().privateKeySeed());
        assertEquals("0", single(db, "SELECT COUNT(*) FROM p2_key_custody"), "no salt: nothing is derived");
        raw[0] ^= 1;
        assertTrue(current(db.custody(secret("base64:" + Base64.getEncoder().encodeToString(raw)))).isEmpty());
    }

    @Test
    void rowsWrittenBeforeVersion3AreReEncryptedWhenFirstLoaded() throws SQLException {
        ServerSigningKey old = TestCertificates.serverKey(BigInteger.valueOf(4242));
        String sealed = ServerKeyCipher.legacy(PASSPHRASE).encrypt(old.privateKeySeed(),
                ServerKeyAad.legacy(old.key().serial()));
        db.execute("INSERT INTO p2_server_key (serial, home_domain, generation, certificate_pem, private_key,"
                + " not_before, not_after, custody_version) VALUES (4242, '" + H2Database.DOMAIN + "', 1, '"
                + old.key().certificatePem() + "', '" + sealed + "', 1, 2, 1)");
        assertArrayEquals(old.privateKeySeed(), current(db.custody(secret(PASSPHRASE))).orElseThrow()
                .privateKeySeed());
        assertEquals("2", single(db, "SELECT custody_version FROM p2_server_key"));
        assertNotEquals(sealed, single(db, "SELECT private_key FROM p2_server_key"));
        assertArrayEquals(old.privateKeySeed(), current(db.custody(secret(PASSPHRASE))).orElseThrow()
                .privateKeySeed(), "and reads back under the new scheme");
    }

    @Test
    void theLoserOfTheFirstInsertTakesTheWinnersKey() throws Exception {
        ServerSigningKey winner = TestCertificates.serverKey(SERIAL);
        db.custody(secret(PASSPHRASE)).initialize(winner);
        ServerSigningKey taken = db.custody(secret(PASSPHRASE))
                .insertFirst(TestCertificates.serverKey(BigInteger.valueOf(77)));
        assertEquals(SERIAL, taken.key().serial());
        assertArrayEquals(winner.privateKeySeed(), taken.privateKeySeed());
    }

    @Test
    void twoNodesStartingAtOnceEndUpWithOneKey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<BigInteger>> nodes = new ArrayList<>();
            for (BigInteger serial : List.of(BigInteger.valueOf(101), BigInteger.valueOf(202))) {
                JpaServerKeyCustody custody = db.custody(secret(PASSPHRASE));
                ServerSigningKey key = TestCertificates.serverKey(serial);
                nodes.add(pool.submit(() -> {
                    start.await();
                    return custody.initialize(key).key().serial();
                }));
            }
            assertEquals(nodes.get(0).get(), nodes.get(1).get());
            assertEquals("1", single(db, "SELECT COUNT(*) FROM p2_server_key"));
            assertEquals("1", single(db, "SELECT COUNT(*) FROM p2_key_custody"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNodeDerivingItsCipherHoldsNoLockThatOthersWaitFor() throws Exception {
        db.custody(secret(PASSPHRASE)).initialize(TestCertificates.serverKey(SERIAL));
        JpaServerKeyCustody custody = db.custody(secret(PASSPHRASE));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        NewTransaction direct = custody.tx;
        custody.tx = new NewTransaction() {
            @Override
            public <T> T run(Function<EntityManager, T> work) {
                if (calls.incrementAndGet() == 2) { // the first reader's salt read, inside its key read
                    entered.countDown();
                    await(release);
                }
                return direct.run(work);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            ServerSigningKey unused = TestCertificates.serverKey(BigInteger.TEN);
            Future<ServerSigningKey> slow = pool.submit(() -> custody.initialize(unused));
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the first reader is reading the salt");
            Future<ServerSigningKey> other = pool.submit(() -> custody.initialize(unused));
            assertEquals(SERIAL, other.get(10, TimeUnit.SECONDS).key().serial(),
                    "a second reader is not held up by the first one's salt transaction");
            release.countDown();
            assertEquals(SERIAL, slow.get(10, TimeUnit.SECONDS).key().serial());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private H2Database database() {
        H2Database d = new H2Database();
        databases.add(d);
        return d;
    }

    static ConfigurationSource secret(String secret) {
        return key -> Optional.ofNullable(Map.of(ServerKeySecret.SECRET, secret).get(key));
    }

    static Optional<ServerSigningKey> current(JpaServerKeyCustody custody) {
        return H2Database.inTransaction(custody.em, custody::current);
    }

    static List<ServerKey> history(JpaServerKeyCustody custody) {
        return H2Database.inTransaction(custody.em, custody::history);
    }

    private static String single(H2Database d, String sql) throws SQLException {
        try (var c = d.dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
