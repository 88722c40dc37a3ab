package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.entity.IdCertEntity;
import org.polyproto.jakarta.spi.storage.IdCertRecord;
import org.polyproto.jakarta.spi.storage.IdCertStore;

/** Issued ID-Certs in {@code p2_id_cert}; rows are never deleted, only invalidated. */
@ApplicationScoped
@StorageOperation
public class JpaIdCertStore implements IdCertStore {

    /** The issued record by serial, in the columns {@link #toRecord(ResultSet)} reads. */
    static final String RECORD_BY_SERIAL = "select c.serial, c.fid, c.session_id, c.pem, c.not_before, c.not_after,"
            + " c.invalidated_at from p2_id_cert c where c.serial = ?";
    private static final String VALID_AT = "select c from IdCertEntity c where c.fid = :fid"
            + " and c.notBefore <= :t and c.notAfter >= :t and (c.invalidatedAt is null or c.invalidatedAt > :t)";

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    UnitSql sql;

    @Override
    public void save(IdCertRecord cert) {
        IdCertEntity e = new IdCertEntity();
        e.serial = Conversions.serial(cert.serial());
        e.fid = cert.fid().toString();
        e.sessionId = cert.sessionId();
        e.pem = cert.pem();
        e.notBefore = Conversions.seconds(cert.notBefore());
        e.notAfter = Conversions.seconds(cert.notAfter());
        e.invalidatedAt = Conversions.secondsOrNull(cert.invalidatedAt());
        em.persist(e);
    }

    /** By primary key, over JDBC ({@link UnitSql}): identify's read of a home actor's issued record. */
    @Override
    @Jdbc
    public Optional<IdCertRecord> find(BigInteger serial) {
        if (!Conversions.isStorableSerial(serial)) {
            return Optional.empty();
        }
        return sql.first(RECORD_BY_SERIAL, JpaIdCertStore::toRecord, serial);
    }

    @Override
    @ReadOnly
    public List<IdCertRecord> findValidAt(FederationId fid, Instant t, int limit) {
        return em.createQuery(VALID_AT + " order by c.notBefore desc, c.serial desc", IdCertEntity.class)
                .setParameter("fid", fid.toString()).setParameter("t", Conversions.seconds(t))
                .setMaxResults(limit).getResultStream().map(JpaIdCertStore::toRecord).toList();
    }

    @Override
    @ReadOnly
    public List<IdCertRecord> findValidAt(FederationId fid, String sessionId, Instant t) {
        return em.createQuery(VALID_AT + " and c.sessionId = :sid order by c.notBefore, c.serial", IdCertEntity.class)
                .setParameter("fid", fid.toString()).setParameter("t", Conversions.seconds(t))
                .setParameter("sid", sessionId)
                .getResultStream().map(JpaIdCertStore::toRecord).toList();
    }

    @Override
    @ReadOnly
    public List<IdCertRecord> findValidBetween(FederationId fid, Optional<String> sessionId, Instant from,
                                               Instant to, int limit) {
        var query = em.createQuery("select c from IdCertEntity c where c.fid = :fid and c.notBefore <= :to"
                        + " and c.notAfter >= :from and (c.invalidatedAt is null or c.invalidatedAt > :from)"
                        + (sessionId.isPresent() ? " and c.sessionId = :sid" : "")
                        + " order by c.notBefore desc, c.serial desc", IdCertEntity.class)
                .setParameter("fid", fid.toString()).setParameter("from", Conversions.seconds(from))
                .setParameter("to", Conversions.seconds(to));
        sessionId.ifPresent(sid -> query.setParameter("sid", sid));
        return query.setMaxResults(limit).getResultStream().map(JpaIdCertStore::toRecord).toList();
    }

    @Override
    public void invalidate(BigInteger serial, Instant at) {
        if (!Conversions.isStorableSerial(serial)) {
            return;
        }
        em.createQuery("update IdCertEntity c set c.invalidatedAt = :at where c.serial = :serial"
                        + " and c.invalidatedAt is null")
                .setParameter("at", Conversions.seconds(at)).setParameter("serial", serial)
                .executeUpdate();
    }

    static IdCertRecord toRecord(ResultSet row) throws SQLException {
        long invalidatedAt = row.getLong("invalidated_at");
        Optional<Instant> invalidated = row.wasNull() ? Optional.empty()
                : Optional.of(Conversions.instant(invalidatedAt));
        return new IdCertRecord(UnitSql.serial(row, "serial"), FederationId.parse(row.getString("fid")),
                row.getString("session_id"), row.getString("pem"), Conversions.instant(row.getLong("not_before")),
                Conversions.instant(row.getLong("not_after")), invalidated);
    }

    private static IdCertRecord toRecord(IdCertEntity e) {
        return new IdCertRecord(e.serial, FederationId.parse(e.fid), e.sessionId, e.pem,
                Conversions.instant(e.notBefore), Conversions.instant(e.notAfter),
                Conversions.optionalInstant(e.invalidatedAt));
    }
}
