package org.polyproto.jakarta.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.Session;

/** L2: serials of up to 20 octets store and load exactly through the JPA stores on the migrated H2 schema. */
class LargeSerialsTest {

    static final BigInteger HUGE = BigInteger.TWO.pow(159).add(BigInteger.valueOf(12345));
    static final BigInteger PAST_LONG = BigInteger.TWO.pow(63).add(BigInteger.ONE);
    static final BigInteger MAX = BigInteger.TWO.pow(160).subtract(BigInteger.ONE);
    static final FederationId ALICE = FederationId.parse("alice@example.com");
    static final Instant T = Instant.ofEpochSecond(1_800_000_000L);

    private final H2Database db = new H2Database();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void idCertsKeepSerialsBeyondALong() {
        JpaIdCertStore store = new JpaIdCertStore();
        store.em = db.factory.createEntityManager();
        store.sql = H2Database.sqlOn(store.em);
        for (BigInteger serial : List.of(HUGE, PAST_LONG, MAX)) {
            IdCertRecord cert = new IdCertRecord(serial, ALICE, "s-" + serial.bitLength(), "PEM " + serial,
                    T, T.plusSeconds(3600), Optional.empty());
            H2Database.inTransaction(store.em, () -> {
                store.save(cert);
                return null;
            });
            store.em.clear();
            assertEquals(Optional.of(cert), H2Database.inTransaction(store.em, () -> store.find(serial)));
        }
        assertEquals(Set.of(HUGE, PAST_LONG, MAX), H2Database.inTransaction(store.em,
                () -> store.findValidAt(ALICE, T, 10)).stream().map(IdCertRecord::serial).collect(Collectors.toSet()));
        H2Database.inTransaction(store.em, () -> {
            store.invalidate(HUGE, T.plusSeconds(1));
            return null;
        });
        store.em.clear();
        assertEquals(Optional.of(T.plusSeconds(1)), H2Database.inTransaction(store.em, () -> store.find(HUGE))
                .orElseThrow().invalidatedAt());
        assertTrue(H2Database.inTransaction(store.em, () -> store.find(MAX.add(BigInteger.ONE))).isEmpty(),
                "a serial longer than 20 octets is simply not found");
    }

    @Test
    void sessionsKeepSerialsBeyondALong() {
        JpaSessionStore store = new JpaSessionStore();
        store.em = db.factory.createEntityManager();
        store.sql = H2Database.sqlOn(store.em);
        store.scope = db.scope(H2Database.DOMAIN);
        String hash = "a".repeat(64);
        Session opened = new Session(hash, ALICE, "s1", HUGE, "PEM1", T, T.plusSeconds(60));
        H2Database.inTransaction(store.em, () -> {
            store.open(opened);
            return null;
        });
        store.em.clear();
        assertEquals(Optional.of(opened), H2Database.inTransaction(store.em, () -> store.findByTokenHash(hash)));

        assertTrue(H2Database.inTransaction(store.em, () -> store.updateCertificate(hash, PAST_LONG, "PEM2")));
        store.em.clear();
        assertEquals(PAST_LONG, H2Database.inTransaction(store.em, () -> store.findByTokenHash(hash)).orElseThrow()
                .certSerial());

        Session replaced = new Session("b".repeat(64), ALICE, "s1", MAX, "PEM3", T, T.plusSeconds(60));
        H2Database.inTransaction(store.em, () -> {
            store.open(replaced);
            return null;
        });
        store.em.clear();
        assertEquals(List.of(replaced), H2Database.inTransaction(store.em, () -> store.findByActor(ALICE)),
                "the replacement (a native UPDATE) keeps the 20-octet serial too");
    }
}
