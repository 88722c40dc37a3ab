package org.polyproto.jakarta.persistence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.List;
import org.polyproto.jakarta.persistence.PolyprotoStorage;
import org.polyproto.jakarta.persistence.entity.EventCursorEntity;
import org.polyproto.jakarta.persistence.entity.EventEntity;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.Event;
import org.polyproto.jakarta.spi.storage.EventQueue;
import org.polyproto.jakarta.spi.storage.QueuedEvent;

/**
 * Event queues in {@code p2_event}, numbered by the client's row in {@code p2_event_cursor}. Enqueue and drain
 * both lock that row first, so one client's queue changes one transaction at a time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
@StorageOperation
public class JpaEventQueue implements EventQueue {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    ServerScope scope;

    @Override
    public void enqueue(ClientId client, Event event, int maxQueued) {
        String key = scope.clientKey(client);
        EventCursorEntity cursor = lockedCursor(key);
        EventEntity e = new EventEntity();
        e.id = Clients.newId();
        e.clientKey = key;
        e.seq = cursor.nextSeq++;
        e.eventJson = JSON.createObjectBuilder().add("n", event.namespace()).add("op", event.op())
                .add("t", event.type()).add("d", event.data()).build().toString();
        em.persist(e);
        em.createQuery("delete from EventEntity e where e.clientKey = :k and e.seq <= :oldest")
                .setParameter("k", key).setParameter("oldest", e.seq - maxQueued).executeUpdate();
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
        if (em.find(EventCursorEntity.class, key, LockModeType.PESSIMISTIC_WRITE) == null) {
            return List.of();
        }
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
