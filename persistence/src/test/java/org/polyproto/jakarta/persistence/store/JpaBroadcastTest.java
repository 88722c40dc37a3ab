package org.polyproto.jakarta.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.Event;
import org.polyproto.jakarta.spi.storage.QueuedEvent;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.spi.storage.memory.InMemorySessionStore;

/** Broadcasts stored once in {@code p2_broadcast} and handed to each session that was open when they were stored. */
class JpaBroadcastTest {

    private static final Instant T = Instant.ofEpochSecond(1_800_000_000L);
    private static final String DOMAIN = H2Database.DOMAIN;

    private final H2Database db = new H2Database();
    private final TransactionPerCall transactions = new TransactionPerCall(db.factory);
    private final JpaSessionStore sessions = new JpaSessionStore();
    private final JpaEventQueue queue = new JpaEventQueue();

    JpaBroadcastTest() {
        sessions.em = transactions.entityManager();
        sessions.sql = H2Database.sqlOn(sessions.em);
        sessions.scope = db.scope(DOMAIN);
        queue.em = transactions.entityManager();
        queue.scope = sessions.scope;
        queue.sessions = sessions;
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aBroadcastTakesItsPlaceInTheSequenceOfEachSessionOpenWhenItWasStoredOnce() {
        ClientId alice = open("alice@" + DOMAIN, "phone", T);
        ClientId late = open("late@" + DOMAIN, "phone", T.plusSeconds(20));
        ClientId foreign = open("carol@other.example", "desk", T);
        enqueue(alice, event("FIRST"));

        assertTrue(transactions.run(() -> queue.broadcast(DOMAIN, event("SERVER_KEY_CHANGE"), T.plusSeconds(10))));
        enqueue(alice, event("AFTER"));

        List<QueuedEvent> drained = drain(alice);
        assertEquals(List.of("FIRST", "SERVER_KEY_CHANGE", "AFTER"), types(drained));
        assertEquals(List.of(1L, 2L, 3L), drained.stream().map(QueuedEvent::sequence).toList());
        assertEquals(List.of(), drain(alice), "handed once");
        assertEquals(List.of(), drain(late), "opened after the broadcast");
        assertEquals(List.of(), drain(foreign), "not one of this server's actors");
        enqueue(late, event("LATER"));
        assertEquals(List.of("LATER"), types(drain(late)));
    }

    @Test
    void aClientWithoutAQueueGetsTheBroadcastOnItsFirstDrain() {
        ClientId dave = open("dave@" + DOMAIN, "tablet", T);
        transactions.run(() -> queue.broadcast(DOMAIN, event("SERVER_KEY_CHANGE"), T.plusSeconds(5)));

        List<QueuedEvent> drained = drain(dave);

        assertEquals(List.of("SERVER_KEY_CHANGE"), types(drained));
        assertEquals(1L, drained.get(0).sequence());
    }

    @Test
    void aBroadcastCostsTheSameStatementsAndRowsAtTenSessionsAndAtTwoHundredThousand() throws SQLException {
        seedSessions(10);
        long atTen = statementsOfOneBroadcast(T.plusSeconds(1));
        seedSessions(200_000);
        long atTwoHundredThousand = statementsOfOneBroadcast(T.plusSeconds(2));

        assertEquals(atTen, atTwoHundredThousand);
        assertEquals(2, count("p2_broadcast"));
        assertEquals(0, count("p2_event"), "nothing per session until a session drains");
        assertEquals(List.of("SERVER_KEY_CHANGE", "SERVER_KEY_CHANGE"),
                types(drain(new ClientId(FederationId.parse("seeded-77@" + DOMAIN), "s200000"))));
    }

    @Test
    void purgingKeepsTheNewestSoTheNumberingGoesOn() {
        ClientId erin = open("erin@" + DOMAIN, "phone", T);
        transactions.run(() -> queue.broadcast(DOMAIN, event("ONE"), T.plusSeconds(1)));
        assertEquals(List.of("ONE"), types(drain(erin)));
        transactions.run(() -> queue.broadcast(DOMAIN, event("TWO"), T.plusSeconds(2)));
        assertEquals(List.of("TWO"), types(drain(erin)));

        assertEquals(1, (int) transactions.run(() -> queue.purgeBroadcasts(T.plusSeconds(100))));
        assertEquals(1, count("p2_broadcast"));
        transactions.run(() -> queue.broadcast(DOMAIN, event("THREE"), T.plusSeconds(3)));

        assertEquals(List.of("THREE"), types(drain(erin)), "numbered after the kept one, so not passed over");
    }

    @Test
    void withAnotherSessionStoreTheQueueDoesNotBroadcast() {
        queue.sessions = new InMemorySessionStore();

        assertFalse(transactions.run(() -> queue.broadcast(DOMAIN, event("SERVER_KEY_CHANGE"), T)));
        assertFalse(transactions.run(() -> queue.broadcast("other.example", event("X"), T)));
        assertEquals(0, count("p2_broadcast"));
    }

    private long statementsOfOneBroadcast(Instant at) {
        Statistics statistics = db.factory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        transactions.run(() -> queue.broadcast(DOMAIN, event("SERVER_KEY_CHANGE"), at));
        return statistics.getPrepareStatementCount();
    }

    private ClientId open(String fid, String sessionId, Instant openedAt) {
        FederationId id = FederationId.parse(fid);
        transactions.run(() -> {
            sessions.open(new Session(Integer.toHexString(fid.hashCode()) + "0".repeat(56), id, sessionId,
                    BigInteger.ONE, "-----BEGIN CERTIFICATE-----", openedAt, openedAt.plusSeconds(86_400)));
            return null;
        });
        return new ClientId(id, sessionId);
    }

    private void seedSessions(int n) throws SQLException {
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into p2_session (token_hash, server_domain, fid, session_id, cert_serial,"
                    + " cert_pem, opened_at, expires_at) select 'seeded-' || x || '-' || " + n + ", '" + DOMAIN
                    + "', 'seeded-' || x || '@" + DOMAIN + "', 's" + n + "', 1, 'pem', " + T.getEpochSecond() + ", "
                    + T.plusSeconds(86_400).getEpochSecond() + " from system_range(1, " + n + ")");
        }
    }

    private long count(String table) {
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement();
             var rows = s.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void enqueue(ClientId client, Event event) {
        transactions.run(() -> {
            queue.enqueue(client, event, 100);
            return null;
        });
    }

    private List<QueuedEvent> drain(ClientId client) {
        return transactions.run(() -> queue.drain(client));
    }

    private static Event event(String type) {
        return new Event("core", 6, type, Json.createObjectBuilder().add("t", type).build());
    }

    private static List<String> types(List<QueuedEvent> events) {
        return events.stream().map(e -> e.event().type()).toList();
    }
}
