package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.entity.EventCursorEntity;
import org.polyproto.jakarta.persistence.entity.EventEntity;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.Event;
import org.polyproto.jakarta.spi.storage.EventQueue;
import org.polyproto.jakarta.spi.storage.QueuedEvent;
import org.polyproto.jakarta.spi.storage.SessionStore;

/**
 * Event queues in {@code p2_event}, numbered by the client's row in {@code p2_event_cursor}. Enqueue and drain
 * both lock that row first, so one client's queue changes one transaction at a time.
 * <p>
 * A broadcast (to every session of this server's own actors) is one row in {@code p2_broadcast}, numbered per
 * server domain. Every enqueue and drain of such a client first moves its pending broadcasts (numbered above its cursor's {@code broadcast_seen}, stored at or after its
 * session opened) into its queue, under the cursor's lock, so they take their place in its sequence. This needs the
 * session's opening time from {@code p2_session}: with another {@link SessionStore} than this module's,
 * {@link #broadcast} answers false and the module enqueues per session.
 */
@ApplicationScoped
@StorageOperation
public class JpaEventQueue implements EventQueue {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    ServerScope scope;
    @Inject
    SessionStore sessions;

    @Override
    public void enqueue(ClientId client, Event event, int maxQueued) {
        String key = scope.clientKey(client);
        EventCursorEntity cursor = lockedCursor(key);
        takeBroadcasts(client, cursor);
        long seq = append(cursor, json(event));
        em.createQuery("delete from EventEntity e where e.clientKey = :k and e.seq <= :oldest")
                .setParameter("k", key).setParameter("oldest", seq - maxQueued).executeUpdate();
    }

    /**
     * Stores a broadcast to this server's own actors, numbered after the newest: two concurrent broadcasts collide
     * on the primary key (the loser fails with {@code StorageConflictException}), so a number is only taken once
     * every lower one has committed, and a client that has seen a number has seen every lower one.
     */
    @Override
    public boolean broadcast(String actorsDomain, Event event, Instant at) {
        if (!actorsDomain.equals(scope.domain()) || !(sessions instanceof JpaSessionStore)) {
            return false;
        }
        em.createNativeQuery("insert into p2_broadcast (server_domain, seq, created_at, event_json)"
                        + " values (?1, ?2, ?3, ?4)").setParameter(1, scope.domain())
                .setParameter(2, newestBroadcast().orElse(0L) + 1).setParameter(3, Conversions.seconds(at))
                .setParameter(4, json(event)).executeUpdate();
        em.flush();
        return true;
    }

    /** Keeps the newest broadcast whatever its age: the next one is numbered after it. */
    @Override
    public int purgeBroadcasts(Instant before) {
        Optional<Long> newest = newestBroadcast();
        if (newest.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("delete from p2_broadcast where server_domain = ?1 and seq < ?2"
                        + " and created_at < ?3").setParameter(1, scope.domain()).setParameter(2, newest.get())
                .setParameter(3, Conversions.seconds(before)).executeUpdate();
    }

    private Optional<Long> newestBroadcast() {
        Number newest = (Number) em.createNativeQuery("select max(seq) from p2_broadcast where server_domain = ?1")
                .setParameter(1, scope.domain()).getSingleResult();
        return Optional.ofNullable(newest).map(Number::longValue);
    }

    /** Moves the client's pending broadcasts into its queue; the cursor is locked. */
    private void takeBroadcasts(ClientId client, EventCursorEntity cursor) {
        List<Broadcast> pending = pendingBroadcasts(client, cursor.broadcastSeen);
        pending.stream().filter(Broadcast::delivered).forEach(b -> append(cursor, b.eventJson()));
        if (!pending.isEmpty()) {
            cursor.broadcastSeen = pending.get(pending.size() - 1).seq();
        }
    }

    /**
     * The broadcasts numbered above {@code seen}, if the client is one of this server's own actors; those stored
     * before the client's session opened are passed over (not delivered, but seen).
     */
    private List<Broadcast> pendingBroadcasts(ClientId client, long seen) {
        if (!client.fid().domain().equals(scope.domain())) {
            return List.of();
        }
        List<?> rows = em.createNativeQuery("select seq, created_at, event_json from p2_broadcast"
                        + " where server_domain = ?1 and seq > ?2 order by seq")
                .setParameter(1, scope.domain()).setParameter(2, seen).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        long openedAt = em.createQuery("select s.openedAt from SessionEntity s where s.serverDomain = :d"
                        + " and s.fid = :f and s.sessionId = :s", Long.class).setParameter("d", scope.domain())
                .setParameter("f", client.fid().toString()).setParameter("s", client.sessionId()).getResultList()
                .stream().findFirst().orElse(Long.MAX_VALUE);
        return rows.stream().map(r -> (Object[]) r).map(r -> new Broadcast(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue() >= openedAt, String.valueOf(r[2]))).toList();
    }

    private long append(EventCursorEntity cursor, String eventJson) {
        EventEntity e = new EventEntity();
        e.id = Clients.newId();
        e.clientKey = cursor.clientKey;
        e.seq = cursor.nextSeq++;
        e.eventJson = eventJson;
        em.persist(e);
        return e.seq;
    }

    private static String json(Event event) {
        return JSON.createObjectBuilder().add("n", event.namespace()).add("op", event.op())
                .add("t", event.type()).add("d", event.data()).build().toString();
    }

    /** A pending broadcast; not delivered when the client's session opened after it was stored. */
    private record Broadcast(long seq, boolean delivered, String eventJson) {
    }

    /**
     * The client's cursor, locked; created on its first enqueue. Two first enqueues for one client race on the
     * cursor's primary key (or, on InnoDB, deadlock on the gap lock of the missing row): the loser fails with
     * {@code StorageConflictException} and its transaction runs again, finding the row. No second connection is
     * taken: a nested transaction here could wait for the pool while holding a connection.
     */
    private EventCursorEntity lockedCursor(String key) {
        EventCursorEntity cursor = em.find(EventCursorEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (cursor == null) {
            cursor = newCursor(key);
            em.persist(cursor);
            em.flush();
        }
        return cursor;
    }

    private static EventCursorEntity newCursor(String key) {
        EventCursorEntity cursor = new EventCursorEntity();
        cursor.clientKey = key;
        cursor.nextSeq = 1;
        return cursor;
    }

    @Override
    public List<QueuedEvent> drain(ClientId client) {
        String key = scope.clientKey(client);
        EventCursorEntity cursor = em.find(EventCursorEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (cursor == null) {
            if (pendingBroadcasts(client, 0).stream().noneMatch(Broadcast::delivered)) {
                return List.of();
            }
            cursor = lockedCursor(key);
        }
        takeBroadcasts(client, cursor);
        em.flush();
        List<EventEntity> events = em.createQuery("select e from EventEntity e where e.clientKey = :k order by e.seq",
                EventEntity.class).setParameter("k", key).getResultList();
        if (!events.isEmpty()) {
            em.createQuery("delete from EventEntity e where e.clientKey = :k and e.seq <= :last")
                    .setParameter("k", key).setParameter("last", events.get(events.size() - 1).seq).executeUpdate();
        }
        return events.stream().map(JpaEventQueue::toQueued).toList();
    }

    @Override
    public void clear(ClientId client) {
        String key = scope.clientKey(client);
        em.createQuery("delete from EventEntity e where e.clientKey = :k").setParameter("k", key).executeUpdate();
        em.createQuery("delete from EventCursorEntity c where c.clientKey = :k").setParameter("k", key)
                .executeUpdate();
    }

    private static QueuedEvent toQueued(EventEntity e) {
        JsonObject json = JSON.createReader(new StringReader(e.eventJson)).readObject();
        return new QueuedEvent(new Event(json.getString("n"), json.getInt("op"), json.getString("t"),
                json.getJsonObject("d")), e.seq);
    }
}
