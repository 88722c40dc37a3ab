package org.polyproto.jakarta.internal.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.api.representation.CacheableIdCertRepresentation;
import org.polyproto.jakarta.internal.cert.IdCertFactory;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.config.FederationSettings;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.internal.config.TestConfig;

/** Reading a home server of the v1 profile: its CacheableIdCerts, their signatures, invalidation and cache window. */
class FederationClientV1Test {

    private static final String DOMAIN = "v1.test";
    private static final String U64_MAX = "18446744073709551615";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] serverKey = StrictEd25519.generatePrivateKey(RANDOM);
    private final String serverPem = certificate(serverKey);
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final HttpServer server = start();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theServerCertificateComesFromTheV1RouteWhenItsSignatureVerifies() {
        answers.put("/api/.p2/core/v1/idcert/server", cacheable(serverPem, serverKey, 100, U64_MAX, null).toString());

        assertEquals(serverPem, client().serverCertificate(DOMAIN).first());
        assertEquals(null, asked.get("/api/p2core/key/server"), "the seed's route was not asked");
    }

    @Test
    void aServerCertificateWhoseCacheSignatureDoesNotVerifyIsRefused() {
        byte[] other = StrictEd25519.generatePrivateKey(RANDOM);
        answers.put("/api/.p2/core/v1/idcert/server", cacheable(serverPem, other, 100, "200", null).toString());
        answers.put("/api/p2core/key/server", Json.createValue(serverPem).toString());

        assertRefused(() -> client().serverCertificate(DOMAIN));
        assertEquals(null, asked.get("/api/p2core/key/server"), "a broken v1 answer is no reason to ask the seed");
    }

    @Test
    void aHomeServerWithoutTheV1RoutesIsReadThroughTheSeedRoutes() {
        answers.put("/api/p2core/key/server", Json.createValue(serverPem).toString());
        answers.put("/api/p2core/key/actor/alice%40v1.test", Json.createArrayBuilder().add(serverPem).build()
                .toString());

        assertEquals(FetchedCertificates.of(serverPem), client().serverCertificate(DOMAIN), "no window of its own");
        FetchedCertificates listed = client().actorCertificates(FederationId.parse("alice@" + DOMAIN),
                StrictEd25519.publicKey(serverKey));
        assertEquals(List.of(serverPem), listed.pems());
        assertEquals(Optional.empty(), listed.cacheUntil());
        assertEquals(1, asked.get("/api/.p2/core/v1/idcert/server").get(), "v1 was tried first");
    }

    @Test
    void anActorListLeavesOutInvalidatedCertificatesAndIsCachedUntilTheEarliestWindowEnd() {
        String current = certificate(StrictEd25519.generatePrivateKey(RANDOM));
        String revoked = certificate(StrictEd25519.generatePrivateKey(RANDOM));
        answers.put("/api/.p2/core/v1/idcert/actor/alice%40v1.test", Json.createArrayBuilder()
                .add(cacheable(current, serverKey, 100, U64_MAX, null))
                .add(cacheable(revoked, serverKey, 100, "1700000300", "1700000000")).build().toString());

        FetchedCertificates listed = client().actorCertificates(FederationId.parse("alice@" + DOMAIN),
                StrictEd25519.publicKey(serverKey));

        assertEquals(List.of(current), listed.pems());
        assertEquals(Optional.of(Instant.ofEpochSecond(1_700_000_300L)), listed.cacheUntil());
    }

    @Test
    void oneForgedEntryRefusesTheWholeList() {
        String current = certificate(StrictEd25519.generatePrivateKey(RANDOM));
        JsonObject forged = Json.createObjectBuilder(cacheable(current, serverKey, 100, "200", null))
                .add("cacheNotValidAfter", "300").build();
        answers.put("/api/.p2/core/v1/idcert/actor/alice%40v1.test", Json.createArrayBuilder()
                .add(cacheable(current, serverKey, 100, "200", null)).add(forged).build().toString());

        assertRefused(() -> client().actorCertificates(FederationId.parse("alice@" + DOMAIN),
                StrictEd25519.publicKey(serverKey)));
        answers.put("/api/.p2/core/v1/idcert/actor/alice%40v1.test", "[{\"idCertPem\":\"x\"}]");
        assertRefused(() -> client().actorCertificates(FederationId.parse("alice@" + DOMAIN),
                StrictEd25519.publicKey(serverKey)));
    }

    @Test
    void aHomeServerReachedOnlyThroughItsWellKnownIsReadUnderTheApiItNames() {
        String api = "http://127.0.0.1:" + server.getAddress().getPort() + "/actual/.p2/core/";
        answers.put("/api/.well-known/polyproto-core", Json.createObjectBuilder().add("api", api).build().toString());
        answers.put("/actual/.p2/core/v1/idcert/server", cacheable(serverPem, serverKey, 100, "200", null)
                .toString());
        String current = certificate(StrictEd25519.generatePrivateKey(RANDOM));
        answers.put("/actual/.p2/core/v1/idcert/actor/alice%40v1.test", Json.createArrayBuilder()
                .add(cacheable(current, serverKey, 100, U64_MAX, null)).build().toString());
        FederationClient client = client();

        assertEquals(new FetchedCertificates(List.of(serverPem), Optional.of(Instant.ofEpochSecond(200))),
                client.serverCertificate(DOMAIN), "cacheable until its cacheNotValidAfter");
        assertEquals(List.of(current), client.actorCertificates(FederationId.parse("alice@" + DOMAIN),
                StrictEd25519.publicKey(serverKey)).pems());
        assertEquals(1, asked.get("/api/.well-known/polyproto-core").get(), "the api URL is remembered");
        assertEquals(1, asked.get("/api/p2core/key/server").get(), "the seed's route was tried before");
    }

    @Test
    void aWellKnownApiThatIsNoPlainHttpUrlIsNotFollowed() {
        for (String api : List.of("ftp://127.0.0.1/.p2/core/", "/relative/.p2/core/", "http://127.0.0.1:"
                + server.getAddress().getPort() + "/actual/.p2/core/?x=1", "not a url")) {
            answers.put("/api/.well-known/polyproto-core", Json.createObjectBuilder().add("api", api).build()
                    .toString());
            answers.put("/actual/.p2/core/v1/idcert/server", cacheable(serverPem, serverKey, 100, "200", null)
                    .toString());
            assertRefused(() -> client().serverCertificate(DOMAIN));
        }
    }

    private FederationClient client() {
        Map<String, String> settings = new HashMap<>(Map.of(FederationSettings.CONNECT_TIMEOUT, "1",
                FederationSettings.READ_TIMEOUT, "1", FederationSettings.ALLOW_PRIVATE, "true",
                FederationSettings.resolveKey(DOMAIN), "http://127.0.0.1:" + server.getAddress().getPort() + "/api/"));
        FederationClient client = new FederationClient();
        client.config = TestConfig.of(settings);
        client.resolver = domain -> URI.create(client.config.federation().homeServers().get(domain).toString());
        client.init();
        return client;
    }

    /** A CacheableIdCert of {@code pem} signed by {@code signer}, the window's end and invalidation as strings. */
    private static JsonObject cacheable(String pem, byte[] signer, long notValidBefore, String notValidAfter,
                                        String invalidatedAt) {
        BigInteger serial = ParsedIdCert.parse(PemCodec.decode(pem).orElseThrow()).serial();
        OptionalLong invalidated = invalidatedAt == null ? OptionalLong.empty()
                : OptionalLong.of(Long.parseUnsignedLong(invalidatedAt));
        byte[] signature = StrictEd25519.sign(signer, CacheableIdCertRepresentation.signedText(serial,
                notValidBefore, Long.parseUnsignedLong(notValidAfter), invalidated));
        JsonObjectBuilder json = Json.createObjectBuilder().add("idCertPem", pem)
                .add("cacheNotValidBefore", notValidBefore)
                .add("cacheNotValidAfter", new BigInteger(notValidAfter))
                .add("cacheSignature", HexFormat.of().formatHex(signature));
        if (invalidatedAt != null) {
            json.add("invalidatedAt", invalidatedAt);
        }
        return json.build();
    }

    private static String certificate(byte[] key) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return PemCodec.encode(PemCodec.CERTIFICATE, IdCertFactory.serverCertificate(key, DOMAIN,
                IdCertFactory.newSerial(RANDOM), now.minusSeconds(60), now.plusSeconds(86_400)));
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable call) {
        assertEquals("P2CORE_NOT_FEDERATED", assertThrows(PolyprotoException.class, call).code());
    }

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getRawPath();
                asked.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                String body = answers.get(path);
                byte[] bytes = (body == null ? "{\"errcode\":404}" : body).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
