package org.polyproto.jakarta.internal.federation;

import jakarta.json.spi.JsonProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.HomeServerResolver;

/**
 * Asks other home servers for their ID-Cert and their actors' ID-Certs: no redirects, a connect timeout, an overall
 * deadline for the whole answer, and a size cap. Anything else than a well-formed 200 is {@code NOT_FEDERATED}.
 */
@ApplicationScoped
public class FederationClient {

    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String CONNECT_TIMEOUT = "polyproto.federation.connect-timeout";
    public static final String READ_TIMEOUT = "polyproto.federation.read-timeout";
    public static final String MAX_RESPONSE = "polyproto.federation.max-response-size";
    private static final Logger LOG = Logger.getLogger(FederationClient.class.getName());

    @Inject
    HomeServerResolver resolver;
    @Inject
    PolyprotoConfig config;

    private HttpClient client;
    private Duration connectTimeout;
    private Duration readTimeout;
    private int maxResponse;

    @PostConstruct
    void init() {
        connectTimeout = config.duration(CONNECT_TIMEOUT, Duration.ofSeconds(5));
        readTimeout = config.duration(READ_TIMEOUT, Duration.ofSeconds(10));
        maxResponse = config.integer(MAX_RESPONSE, 64 * 1024);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout)
                .build();
    }

    /** The longest one fetch may take: connecting and the whole answer. */
    public Duration deadline() {
        return connectTimeout.plus(readTimeout);
    }

    /** The one answer a client gets when a home server cannot be used, whatever the network said. */
    public static PolyprotoException notFederated() {
        return new PolyprotoException(ErrorCode.NOT_FEDERATED, "The home server of this actor cannot be used.");
    }

    /** The home server's current ID-Cert, PEM. */
    public String serverCertificate(String domain) {
        JsonValue json = get(domain, "p2core/key/server");
        if (json instanceof JsonString pem) {
            return pem.getString();
        }
        throw notFederated(domain, "answered no certificate");
    }

    /** The actor's currently valid ID-Certs as its home server lists them, PEM. */
    public List<String> actorCertificates(FederationId fid) {
        JsonValue json = get(fid.domain(), "p2core/key/actor/" + URLEncoder.encode(fid.toString(),
                StandardCharsets.UTF_8));
        if (json instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        throw notFederated(fid.domain(), "answered no certificate list");
    }

    private JsonValue get(String domain, String path) {
        URI base = resolver.resolve(domain);
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(readTimeout)
                .header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request,
                info -> new BoundedBody(maxResponse));
        try {
            HttpResponse<byte[]> response = pending.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw notFederated(domain, "answered HTTP " + response.statusCode());
            }
            return JSON.createReader(new StringReader(new String(response.body(), StandardCharsets.UTF_8)))
                    .readValue();
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw notFederated(domain, "did not answer within " + readTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            LOG.fine(() -> "polyproto: " + domain + ": " + e.getCause());
            throw notFederated(domain, "cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notFederated(domain, "was not asked");
        } catch (jakarta.json.JsonException e) {
            throw notFederated(domain, "answered something that is not JSON");
        }
    }

    private static PolyprotoException notFederated(String domain, String why) {
        LOG.fine(() -> "polyproto: home server of " + domain + " " + why);
        return new PolyprotoException(ErrorCode.NOT_FEDERATED, "The home server of " + domain + " " + why + ".");
    }
}
