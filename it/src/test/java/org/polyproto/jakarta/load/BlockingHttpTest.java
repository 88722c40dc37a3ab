package org.polyproto.jakarta.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load driver's client against the JDK's HTTP server: keep-alive, both body framings, closed connections. */
class BlockingHttpTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private BlockingHttp http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/fixed", exchange -> answer(exchange, 200, "{\"fixed\":true}", false, false));
        server.createContext("/api/chunked", exchange -> answer(exchange, 201, "x".repeat(20_000), true, false));
        server.createContext("/api/closing", exchange -> answer(exchange, 200, "bye", false, true));
        server.createContext("/api/echo", exchange -> answer(exchange, 200,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), false, false));
        server.start();
        http = new BlockingHttp(URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/api/"));
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop(0);
    }

    @Test
    void keepsOneConnectionAcrossRequests() throws IOException {
        assertEquals(new BlockingHttp.Reply(200, "{\"fixed\":true}"), http.send("GET", "fixed", null, null));
        assertEquals(new BlockingHttp.Reply(201, "x".repeat(20_000)), http.send("GET", "chunked", null, null));
        assertEquals(new BlockingHttp.Reply(200, "{\"fixed\":true}"), http.send("GET", "fixed", null, null));
        assertEquals(1, seen.stream().map(s -> s.split(" ")[0]).distinct().count(), seen.toString());
    }

    @Test
    void opensANewConnectionAfterTheServerClosedOne() throws IOException {
        assertEquals(new BlockingHttp.Reply(200, "bye"), http.send("GET", "closing", null, null));
        assertEquals(new BlockingHttp.Reply(200, "bye"), http.send("GET", "closing", null, null));
        assertEquals(new BlockingHttp.Reply(200, "{\"fixed\":true}"), http.send("GET", "fixed", null, null));
        assertEquals(3, seen.stream().map(s -> s.split(" ")[0]).distinct().count(), seen.toString());
    }

    @Test
    void sendsTheBodyAndTheHeadersTheServerWasMeasuredWith() throws IOException {
        String body = "{\"name\":\"älice\"}";
        assertEquals(new BlockingHttp.Reply(200, body), http.send("POST", "echo", body, "secret"));
        String headers = seen.get(0);
        assertEquals("POST /api/echo length=" + body.getBytes(StandardCharsets.UTF_8).length
                + " agent=Java-http-client/" + System.getProperty("java.version") + " auth=Bearer secret",
                headers.substring(headers.indexOf(' ') + 1));
    }

    private void answer(HttpExchange exchange, int status, String body, boolean chunked, boolean close)
            throws IOException {
        seen.add(exchange.getRemoteAddress().getPort() + " " + exchange.getRequestMethod() + " "
                + exchange.getRequestURI().getPath() + " length="
                + exchange.getRequestHeaders().getFirst("Content-Length") + " agent="
                + exchange.getRequestHeaders().getFirst("User-Agent") + " auth="
                + exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (close) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
