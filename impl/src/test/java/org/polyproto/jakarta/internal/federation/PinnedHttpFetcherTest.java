package org.polyproto.jakarta.internal.federation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.internal.federation.TinyHttpServer.ascii;

import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyproto.jakarta.api.PolyprotoException;

class PinnedHttpFetcherTest {

    static final int MAX = 64;
    static final Duration DEADLINE = Duration.ofSeconds(1);
    static final BoundedDns DNS = new BoundedDns(BoundedDns.THREADS, BoundedDns.QUEUED);

    @org.junit.jupiter.api.AfterAll
    static void stopDns() {
        DNS.shutdown();
    }

    static PinnedHttpFetcher fetcher(AddressPolicy policy) {
        return new PinnedHttpFetcher(policy, DNS, Duration.ofSeconds(1), DEADLINE, MAX,
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    static byte[] fetch(TinyHttpServer server, String path) {
        return fetcher(AddressPolicy.ANY).get(server.uri("http", path));
    }

    static void assertRefused(Runnable call) {
        PolyprotoException e = assertThrows(PolyprotoException.class, call::run);
        assertEquals("P2CORE_NOT_FEDERATED", e.code());
        assertEquals(FederationRefusal.MESSAGE, e.getMessage());
    }

    @Test
    void readsAContentLengthBodyAndSendsAPlainGet() throws Exception {
        try (TinyHttpServer server = TinyHttpServer.answering(out -> out.write(ascii(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n\"hello\"ignored")))) {
            assertArrayEquals(ascii("\"hello\""), fetch(server, "/api/p2core/key/actor/a%40b.example?x=1"));
            String head = server.requestHead();
            assertTrue(head.startsWith("GET /api/p2core/key/actor/a%40b.example?x=1 HTTP/1.1\r\n"), head);
            assertTrue(head.contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n"), head);
            assertTrue(head.contains("\r\nAccept: application/json\r\n"), head);
            assertTrue(head.contains("\r\nConnection: close\r\n"), head);
        }
    }

    @Test
    void readsAChunkedBody() throws Exception {
        try (TinyHttpServer server = TinyHttpServer.answering(out -> out.write(ascii("HTTP/1.1 200 OK\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;name=value\r\n world\r\n"
                + "0\r\nX-Trailer: 1\r\n\r\n")))) {
            assertArrayEquals(ascii("hello world"), fetch(server, "/"));
        }
    }

    @Test
    void readsABodyToTheEndOfTheStream() throws Exception {
        try (TinyHttpServer server = TinyHttpServer.answering(out -> out.write(ascii(
                "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n[\"until the end\"]")))) {
            assertArrayEquals(ascii("[\"until the end\"]"), fetch(server, "/"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 65\r\n\r\n", "Content-Length: 99999999999999999999\r\n\r\n",
            "Transfer-Encoding: chunked\r\n\r\n41\r\n", "Transfer-Encoding: chunked\r\n\r\nfffffffff\r\n",
            "Connection: close\r\n\r\n"})
    void refusesABodyOverTheCap(String framing) throws Exception {
        byte[] big = ascii("x".repeat(MAX + 1) + "\r\n0\r\n\r\n");
        try (TinyHttpServer server = TinyHttpServer.answering(out -> {
            out.write(ascii("HTTP/1.1 200 OK\r\n" + framing));
            out.write(big);
        })) {
            assertRefused(() -> fetch(server, "/"));
        }
    }

    @Test
    void refusesAHeadOver16KiB() throws Exception {
        try (TinyHttpServer server = TinyHttpServer.answering(out -> out.write(ascii("HTTP/1.1 200 OK\r\n"
                + ("X-Padding: " + "p".repeat(1000) + "\r\n").repeat(17) + "Content-Length: 2\r\n\r\n[]")))) {
            assertRefused(() -> fetch(server, "/"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}", "HTTP/1.1 500 Oops\r\n\r\n",
            "HTTP/1.1 204 No Content\r\n\r\n", "SSH-2.0-OpenSSH\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n"})
    void refusesAnythingButA200WithAGenericMessage(String answer) throws Exception {
        try (TinyHttpServer server = TinyHttpServer.answering(out -> out.write(ascii(answer)))) {
            assertRefused(() -> fetch(server, "/"));
        }
    }

    @Test
    void aSlowDripBodyIsCutAtTheDeadline() throws Exception {
        try (TinyHttpServer server = TinyHttpServer.answering(out -> drip(out,
                "HTTP/1.1 200 OK\r\nContent-Length: 60\r\n\r\n"))) {
            assertCutAtTheDeadline(() -> fetch(server, "/"));
        }
    }

    @Test
    void aSlowTlsHandshakeIsCutAtTheDeadline() throws Exception {
        try (TinyHttpServer server = TinyHttpServer.raw(out -> drip(out, "\u0016\u0003\u0003\u0040\u0000"))) {
            assertCutAtTheDeadline(() -> fetcher(AddressPolicy.ANY).get(server.uri("https", "/")));
        }
    }

    @Test
    void aSilentServerIsCutAtTheDeadline() throws Exception {
        try (TinyHttpServer server = TinyHttpServer.answering(out -> Thread.sleep(5_000))) {
            assertCutAtTheDeadline(() -> fetch(server, "/"));
        }
    }

    @Test
    void aLoopbackTargetIsRefusedWithoutConnecting() throws Exception {
        try (TinyHttpServer server = TinyHttpServer.silent()) {
            assertRefused(() -> fetcher(AddressPolicy.PUBLIC_ONLY).get(server.uri("http", "/")));
            assertRefused(() -> fetcher(AddressPolicy.PUBLIC_ONLY).get(
                    URI.create("http://localhost:" + server.port() + "/")));
            assertRefused(() -> fetcher(AddressPolicy.PUBLIC_ONLY).get(
                    URI.create("http://[::ffff:127.0.0.1]:" + server.port() + "/")));
            assertFalse(server.acceptedWithin(300), "the refused target saw a connection");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://-a/p2core/key/server", "https://1.2.3.4.5/", "https://127.1/",
            "ftp://example.com/", "https://user@example.com/", "/relative/only", "mailto:a@example.com"})
    void aUrlThatCannotCarryAHostIsRefused(String url) {
        assertRefused(() -> fetcher(AddressPolicy.PUBLIC_ONLY).get(URI.create(url)));
    }

    @Test
    void anUnresolvableHostIsRefusedWithinTheConnectTimeout() {
        assertRefusedWithinDeadline(() -> fetcher(AddressPolicy.ANY).get(
                URI.create("https://polyproto-test.invalid/")));
    }

    private static void drip(OutputStream out, String head) throws Exception {
        out.write(ascii(head));
        for (int i = 0; i < 100; i++) {
            out.flush();
            Thread.sleep(100);
            out.write('x');
        }
    }

    private static long assertRefusedWithinDeadline(Runnable call) {
        long start = System.nanoTime();
        assertRefused(call);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis < DEADLINE.toMillis() + 1000, "refused after " + millis + " ms");
        return millis;
    }

    /** Refused by the deadline itself, not earlier for another reason. */
    private static void assertCutAtTheDeadline(Runnable call) {
        long millis = assertRefusedWithinDeadline(call);
        assertTrue(millis >= DEADLINE.toMillis() - 50, "refused after only " + millis + " ms");
    }
}
