package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.entity.ActorLockEntity;
import org.polyproto.jakarta.persistence.entity.SessionEntity;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.spi.storage.SessionStore;

/** Sessions in {@code p2_session}, keyed by token hash, unique per (fid, session ID). */
@ApplicationScoped
@StorageOperation
public class JpaSessionStore implements SessionStore {

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    ServerScope scope;
    @Inject
    UnitSql sql;

    /**
     * Replaces the session of (fid, session ID) in place when there is one: an UPDATE waits for a concurrent
     * replacement and then applies to its result, where delete-and-insert would collide on the unique key. The
     * UPDATE changes the row's primary key (the token hash), which InnoDB does as delete and insert with gap locks,
     * so concurrent replacements of one session can deadlock there: the loser gets
     * {@code StorageConflictException} and the caller runs its transaction again. No lock is taken first: on Open
     * Liberty with H2, locking reads under contention left a pooled connection enlisted after its transaction had
     * ended (issue 9).
     */
    @Override
    @Jdbc
    public void open(Session session) {
        int replaced = sql.update("update p2_session set token_hash = ?, cert_serial = ?, cert_pem = ?, opened_at = ?,"
                        + " expires_at = ? where server_domain = ? and fid = ? and session_id = ?", session.tokenHash(),
                session.certSerial(), session.certPem(), Conversions.seconds(session.openedAt()),
                Conversions.seconds(session.expiresAt()), scope.domain(), session.fid().toString(),
                session.sessionId());
        if (replaced == 0) {
            sql.update("insert into p2_session (token_hash, server_domain, fid, session_id, cert_serial, cert_pem,"
                            + " opened_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)", session.tokenHash(),
                    scope.domain(), session.fid().toString(), session.sessionId(), session.certSerial(),
                    session.certPem(), Conversions.seconds(session.openedAt()),
                    Conversions.seconds(session.expiresAt()));
        }
    }

    /** Locks the actor's row in {@code p2_actor_lock}, inserting it on first use (the insert holds it too). */
    @Override
    public void lockActor(FederationId fid) {
        // A write lock taken by an UPDATE, not by a locking read (see open)
        int locked = em.createNativeQuery("update p2_actor_lock set fid = fid where fid = ?1")
                .setParameter(1, fid.toString()).executeUpdate();
        if (locked == 0) {
            ActorLockEntity row = new ActorLockEntity();
            row.fid = fid.toString();
            em.persist(row);
            em.flush();
        }
    }

    @Override
    public boolean updateCertificate(String tokenHash, BigInteger certSerial, String certPem) {
        return em.createQuery("update SessionEntity s set s.certSerial = :serial, s.certPem = :pem"
                        + " where s.tokenHash = :h and s.serverDomain = :server").setParameter("server", scope.domain())
                .setParameter("serial", Conversions.serial(certSerial)).setParameter("pem", certPem)
                .setParameter("h", tokenHash).executeUpdate() == 1;
    }

    /** Over JDBC ({@link UnitSql}): the token filter's read on every authenticated request. */
    @Override
    @Jdbc
    public Optional<Session> findByTokenHash(String tokenHash) {
        return sql.first("select token_hash, fid, session_id, cert_serial, cert_pem, opened_at, expires_at"
                + " from p2_session where token_hash = ? and server_domain = ?", row -> new Session(
                row.getString("token_hash"), FederationId.parse(row.getString("fid")), row.getString("session_id"),
                UnitSql.serial(row, "cert_serial"), row.getString("cert_pem"),
                Conversions.instant(row.getLong("opened_at")), Conversions.instant(row.getLong("expires_at"))),
                tokenHash, scope.domain());
    }

    @Override
    @ReadOnly
    public List<Session> findByActor(FederationId fid) {
        return em.createQuery("select s from SessionEntity s where s.serverDomain = :server and s.fid = :fid"
                        + " order by s.openedAt",
                        SessionEntity.class)
                .setParameter("server", scope.domain()).setParameter("fid", fid.toString()).getResultStream()
                .map(JpaSessionStore::toSession).toList();
    }

    /**
     * The session IDs alone: no certificate is read and no entity managed. Each once by the unique key (server, fid,
     * session ID).
     */
    @Override
    @Jdbc
    public List<ClientId> clientsOf(FederationId fid, Instant now) {
        return sql.list("select session_id from p2_session where server_domain = ? and fid = ? and expires_at > ?",
                row -> new ClientId(fid, row.getString(1)), scope.domain(), fid.toString(), Conversions.seconds(now));
    }

    @Override
    public boolean close(String tokenHash) {
        return em.createQuery("delete from SessionEntity s where s.tokenHash = :h and s.serverDomain = :server")
                .setParameter("server", scope.domain())
                .setParameter("h", tokenHash).executeUpdate() == 1;
    }

    @Override
    @ReadOnly
    public List<Session> findByDomain(String domain) {
        return em.createQuery("select s from SessionEntity s where s.serverDomain = :server and s.fid like :suffix",
                        SessionEntity.class).setParameter("server", scope.domain())
                .setParameter("suffix", "%@" + domain).getResultStream()
                .map(JpaSessionStore::toSession).filter(s -> s.fid().domain().equals(domain)).toList();
    }

    /**
     * Deletes each candidate with a conditional delete and returns only those it removed: of concurrent purges (two
     * nodes sweeping at once), each session goes to one, and none fails on a row another purge removed.
     */
    @Override
    public List<Session> purgeExpired(Instant now, int max) {
        List<SessionEntity> expired = em.createQuery("select s from SessionEntity s where s.serverDomain = :server"
                        + " and s.expiresAt < :now", SessionEntity.class).setParameter("server", scope.domain())
                .setParameter("now", Conversions.seconds(now)).setMaxResults(max).getResultList();
        List<Session> purged = new ArrayList<>();
        for (SessionEntity e : expired) {
            em.detach(e);
            int deleted = em.createQuery("delete from SessionEntity s where s.tokenHash = :h"
                            + " and s.serverDomain = :server and s.expiresAt < :now")
                    .setParameter("h", e.tokenHash).setParameter("server", scope.domain())
                    .setParameter("now", Conversions.seconds(now)).executeUpdate();
            if (deleted == 1) {
                purged.add(toSession(e));
            }
        }
        return purged;
    }

    private static Session toSession(SessionEntity e) {
        return new Session(e.tokenHash, FederationId.parse(e.fid), e.sessionId, e.certSerial,
                e.certPem, Conversions.instant(e.openedAt), Conversions.instant(e.expiresAt));
    }
}
