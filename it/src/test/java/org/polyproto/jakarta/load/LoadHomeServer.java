package org.polyproto.jakarta.load;

import static org.polyproto.jakarta.load.LoadDriver.JSON;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.testing.PolyprotoRsEncoding;

/**
 * The home server of the load run's foreign actors, in the driver's JVM: a JDK HTTP server on loopback that
 * answers {@code p2core/key/server} and {@code p2core/key/actor/{fid}} for {@link #DOMAIN}, with certificates
 * encoded the way polyproto-rs encodes them. The server under load reaches it through
 * {@code polyproto.federation.resolve.load.test}.
 */
final class LoadHomeServer implements AutoCloseable {

    static final String DOMAIN = "load.test";

    private final HttpServer server;
    private final String serverPem;
    private final Map<String, String> actorPems = new ConcurrentHashMap<>();
    private final List<ForeignActor> actors = new ArrayList<>();

    /** An actor of this home server: its FID, ID-Cert (PEM) and signing key. */
    record ForeignActor(String fid, String pem, byte[] seed) {
        String signChallenge(String challenge) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, new Ed25519PrivateKeyParameters(seed));
            byte[] message = challenge.getBytes(StandardCharsets.UTF_8);
            signer.update(message, 0, message.length);
            return Base64.getEncoder().encodeToString(signer.generateSignature());
        }
    }

    LoadHomeServer(int port, int actorCount) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] serverSeed = random.generateSeed(32);
        Instant now = Instant.now();
        serverPem = PemCodec.encode(PemCodec.CERTIFICATE, PolyprotoRsEncoding.serverCertificate(serverSeed, DOMAIN,
                BigInteger.valueOf(random.nextInt(Integer.MAX_VALUE)), now.minusSeconds(3600), now.plusSeconds(86_400)));
        for (int i = 0; i < actorCount; i++) {
            byte[] seed = random.generateSeed(32);
            String name = "foreign-" + i;
            String pem = PemCodec.encode(PemCodec.CERTIFICATE, PolyprotoRsEncoding.actorCertificate(serverSeed, seed,
                    name, DOMAIN, "load", BigInteger.valueOf(1000L + i), now.minusSeconds(60),
                    now.plusSeconds(43_200)));
            actors.add(new ForeignActor(name + "@" + DOMAIN, pem, seed));
            actorPems.put(name + "@" + DOMAIN, pem);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/p2core/key/server", exchange -> answer(exchange, JSON.createValue(serverPem)
                .toString()));
        server.createContext("/p2core/key/actor/", exchange -> {
            String fid = URLDecoder.decode(exchange.getRequestURI().getRawPath()
                    .substring("/p2core/key/actor/".length()), StandardCharsets.UTF_8);
            String pem = actorPems.get(fid);
            answer(exchange, pem == null ? "[]" : JSON.createArrayBuilder().add(pem).build().toString());
        });
        server.start();
    }

    List<ForeignActor> actors() {
        return actors;
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
