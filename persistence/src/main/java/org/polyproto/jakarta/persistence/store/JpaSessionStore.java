package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.persistence.entity.SessionEntity;
import org.polyproto.jakarta.spi.PolyprotoDefault;
import org.polyproto.jakarta.spi.Session;
import org.polyproto.jakarta.spi.SessionStore;

/** Sessions in {@code p2_session}, keyed by token hash, unique per (fid, session ID). */
@ApplicationScoped
@PolyprotoDefault
@Transactional
public class JpaSessionStore implements SessionStore {

    @PersistenceContext(unitName = "polyproto")
    EntityManager em;

    @Override
    public void open(Session session) {
        em.createQuery("delete from SessionEntity s where s.fid = :fid and s.sessionId = :sid")
                .setParameter("fid", session.fid().toString()).setParameter("sid", session.sessionId())
                .executeUpdate();
        SessionEntity e = new SessionEntity();
        e.tokenHash = session.tokenHash();
        e.fid = session.fid().toString();
        e.sessionId = session.sessionId();
        e.certSerial = session.certSerial().longValueExact();
        e.certPem = session.certPem();
        e.openedAt = Conversions.seconds(session.openedAt());
        e.expiresAt = Conversions.seconds(session.expiresAt());
        em.persist(e);
        em.flush();
    }

    @Override
    public Optional<Session> findByTokenHash(String tokenHash) {
        return Optional.ofNullable(em.find(SessionEntity.class, tokenHash)).map(JpaSessionStore::toSession);
    }

    @Override
    public List<Session> findByActor(FederationId fid) {
        return em.createQuery("select s from SessionEntity s where s.fid = :fid order by s.openedAt",
                        SessionEntity.class)
                .setParameter("fid", fid.toString()).getResultStream().map(JpaSessionStore::toSession).toList();
    }

    @Override
    public boolean close(String tokenHash) {
        return em.createQuery("delete from SessionEntity s where s.tokenHash = :h")
                .setParameter("h", tokenHash).executeUpdate() == 1;
    }

    @Override
    public int purgeExpired(Instant now) {
        return em.createQuery("delete from SessionEntity s where s.expiresAt < :now")
                .setParameter("now", Conversions.seconds(now)).executeUpdate();
    }

    private static Session toSession(SessionEntity e) {
        return new Session(e.tokenHash, FederationId.parse(e.fid), e.sessionId, BigInteger.valueOf(e.certSerial),
                e.certPem, Conversions.instant(e.openedAt), Conversions.instant(e.expiresAt));
    }
}
