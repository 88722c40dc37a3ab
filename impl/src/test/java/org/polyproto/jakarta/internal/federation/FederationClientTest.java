package org.polyproto.jakarta.internal.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.internal.federation.TinyHttpServer.ascii;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.config.FederationSettings;
import org.polyproto.jakarta.internal.config.TestConfig;
import org.polyproto.jakarta.spi.storage.memory.FakeTransactionRegistry;

class FederationClientTest {

    private final Map<String, String> settings = new HashMap<>(Map.of(FederationSettings.CONNECT_TIMEOUT, "1",
            FederationSettings.READ_TIMEOUT, "1"));

    /** Like the default resolver: the mapping if there is one, else {@code https://<domain>/}. */
    private FederationClient client() {
        FederationClient client = new FederationClient();
        client.config = TestConfig.of(settings);
        client.resolver = domain -> client.config.federation().homeServers().getOrDefault(domain,
                URI.create("https://" + domain + "/"));
        client.init();
        return client;
    }

    private static void assertRefused(Executable call) {
        PolyprotoException e = assertThrows(PolyprotoException.class, call);
        assertEquals("P2CORE_NOT_FEDERATED", e.code());
        assertEquals(FederationRefusal.MESSAGE, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-a", "a-", "x.-y", "1.2.3.4.5", "127.1", "127.0.0.1", "2130706433", "0", "localhost",
            "intranet", "10.0.0.1"})
    void anUnmappedDomainOfTheWrongShapeIsNotFederated(String domain) {
        FederationClient client = client();
        assertRefused(() -> client.serverCertificate(domain));
        assertRefused(() -> client.actorCertificates(FederationId.parse("eve@" + domain)));
    }

    @Test
    void aFetchInsideATransactionFailsBeforeAnyConnection() throws Exception {
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            settings.put(FederationSettings.resolveKey("other.example"),
                    "http://127.0.0.1:" + listener.getLocalPort() + "/");
            settings.put(FederationSettings.ALLOW_PRIVATE, "true");
            FederationClient client = client();
            client.transactions = new FakeTransactionRegistry();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> client.serverCertificate("other.example"));
            assertTrue(e.getMessage().contains("inside a transaction"), e::getMessage);
            listener.setSoTimeout(200);
            assertThrows(java.net.SocketTimeoutException.class, listener::accept, "nothing connected");
        }
    }

    @Test
    void aResolverThatCannotMakeAUrlIsNotFederated() {
        FederationClient client = client();
        client.resolver = domain -> {
            throw new IllegalArgumentException("unsupported URI");
        };
        assertRefused(() -> client.serverCertificate("example.com"));
    }

    @Test
    void aMappedHomeServerOnLoopbackIsAskedOnlyWhenPrivateAddressesAreAllowed() throws Exception {
        try (TinyHttpServer server = TinyHttpServer.silent()) {
            settings.put(FederationSettings.resolveKey("home.test"), server.uri("http", "/api/")
                    .toString());
            assertRefused(() -> client().serverCertificate("home.test"));
            assertFalse(server.acceptedWithin(300), "the refused home server saw a connection");
        }
        try (TinyHttpServer server = TinyHttpServer.answering(out -> out.write(ascii(
                "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n[\"pem\"]")))) {
            settings.put(FederationSettings.resolveKey("localhost"), server.uri("http", "/api/")
                    .toString());
            settings.put(FederationSettings.ALLOW_PRIVATE, "true");
            assertEquals(List.of("pem"), client().actorCertificates(FederationId.parse("eve@localhost")));
            assertEquals("GET /api/p2core/key/actor/eve%40localhost HTTP/1.1",
                    server.requestHead().lines().findFirst().orElseThrow());
        }
    }

    @Test
    void anAnswerThatIsNotTheExpectedJsonIsNotFederated() throws Exception {
        settings.put(FederationSettings.ALLOW_PRIVATE, "TRUE");
        for (String body : List.of("not json", "{\"a\":1}", "[1]")) {
            try (TinyHttpServer server = TinyHttpServer.answering(out -> out.write(ascii(
                    "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)))) {
                settings.put(FederationSettings.resolveKey("other.test"), server.uri("http", "/")
                        .toString());
                assertRefused(() -> client().actorCertificates(FederationId.parse("eve@other.test")));
            }
        }
    }
}
