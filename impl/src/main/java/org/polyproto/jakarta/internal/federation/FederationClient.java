package org.polyproto.jakarta.internal.federation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.config.FederationSettings;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.spi.HomeServerResolver;

/**
 * Asks other home servers for their ID-Cert and their actors' ID-Certs. The base URL comes from the
 * {@link HomeServerResolver}; when it names the FID's domain itself and no operator mapped that domain, the domain
 * must first pass {@link FederationTargets}. The request goes through the {@link PinnedHttpFetcher}, which connects
 * only to addresses the {@link AddressPolicy} allows. Anything else than a well-formed 200 is {@code NOT_FEDERATED}
 * with one generic message. A fetch inside a transaction is a defect (it would hold a pooled connection while a
 * stranger's server takes its time) and fails before any I/O.
 */
@ApplicationScoped
public class FederationClient {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String V1 = ".p2/core/v1/";

    @Inject
    HomeServerResolver resolver;
    @Inject
    PolyprotoConfig config;
    /** Absent outside a Jakarta EE server (unit tests). */
    @Resource
    TransactionSynchronizationRegistry transactions;

    private PinnedHttpFetcher fetcher;
    /** API URLs found through {@code .well-known/polyproto-core}, per domain; bounded like the other caches. */
    private BoundedCache<String, URI> discovered;
    private BoundedDns dns;
    private Duration deadline;

    @PostConstruct
    void init() {
        FederationSettings settings = config.federation();
        deadline = settings.readTimeout();
        dns = new BoundedDns(BoundedDns.THREADS, BoundedDns.QUEUED);
        discovered = new BoundedCache<>(settings.cacheMaxEntries(), settings.cacheMaxBytes(),
                uri -> uri.toString().length() * 2L);
        fetcher = new PinnedHttpFetcher(AddressPolicy.of(settings.allowPrivate()), dns, settings.connectTimeout(),
                deadline, settings.maxResponseSize(), (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    @PreDestroy
    void stop() {
        dns.shutdown();
    }

    /** The longest one fetch may take, name lookup to the end of the answer. */
    public Duration deadline() {
        return deadline;
    }

    /** The one answer a client gets when a home server cannot be used, whatever the network said. */
    public static PolyprotoException notFederated() {
        return new PolyprotoException(ErrorCode.NOT_FEDERATED, FederationRefusal.MESSAGE);
    }

    /**
     * The home server's current ID-Cert, PEM: its v1 {@code CacheableIdCert} ({@code .p2/core/v1/idcert/server},
     * whose {@code cacheSignature} must verify with the certificate's own key) when it offers one, else the seed's
     * {@code p2core/key/server}, else the v1 route under the {@code api} URL that the domain's
     * {@code .well-known/polyproto-core} names (spec §3.1; the caller checks that the certificate is the visible
     * domain's). Only a route answered with another status than 200 leads to the next; a server that does not
     * answer in time is refused after one fetch.
     */
    public FetchedCertificates serverCertificate(String domain) {
        Optional<JsonValue> v1 = offered(domain, V1 + "idcert/server");
        if (v1.isPresent()) {
            return FetchedCacheableIdCert.server(domain, v1.get());
        }
        try {
            return FetchedCertificates.of(seedServerCertificate(domain));
        } catch (RouteNotOffered seedRefused) {
            URI api = discoveredApi(domain).orElseThrow(() -> seedRefused);
            return FetchedCacheableIdCert.server(domain, getAt(domain, api.resolve("v1/idcert/server")));
        }
    }

    /**
     * The actor's current ID-Certs, found where {@link #serverCertificate} finds the server's: the v1 list
     * ({@code .p2/core/v1/idcert/actor/{fid}}), every {@code cacheSignature} verified with {@code serverKey} (one that
     * does not verify refuses the whole list), certificates with an {@code invalidatedAt} left out, cacheable until
     * the earliest {@code cacheNotValidAfter}; else the seed's list; else the v1 list under the discovered API.
     */
    public FetchedCertificates actorCertificates(FederationId fid, byte[] serverKey) {
        String path = "idcert/actor/" + encoded(fid);
        Optional<JsonValue> v1 = offered(fid.domain(), V1 + path);
        if (v1.isPresent()) {
            return FetchedCacheableIdCert.list(fid.domain(), v1.get(), serverKey);
        }
        try {
            return new FetchedCertificates(actorCertificates(fid), Optional.empty());
        } catch (RouteNotOffered seedRefused) {
            URI api = discoveredApi(fid.domain()).orElseThrow(() -> seedRefused);
            return FetchedCacheableIdCert.list(fid.domain(), getAt(fid.domain(), api.resolve("v1/" + path)),
                    serverKey);
        }
    }

    /** The home server's current ID-Cert as the seed's {@code p2core/key/server} answers it, PEM. */
    private String seedServerCertificate(String domain) {
        JsonValue json = get(domain, "p2core/key/server");
        if (json instanceof JsonString pem) {
            return pem.getString();
        }
        throw FederationRefusal.of(domain, "it answered no certificate");
    }

    /**
     * The {@code api} URL of the domain's {@code .well-known/polyproto-core}, remembered for
     * {@code polyproto.federation.cache-ttl}: absolute, https (http only where private addresses are allowed, i.e. in
     * tests), its host a DNS name under the same rules as an unmapped domain, and never a redirect of the fetch
     * itself. Empty when the domain has none that qualifies.
     */
    private Optional<URI> discoveredApi(String domain) {
        if (fetcher == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Optional<BoundedCache.Entry<URI>> known = discovered.get(domain, now);
        if (known.isPresent()) {
            return Optional.of(known.get().value());
        }
        Optional<URI> api = offered(domain, WellKnownApi.PATH)
                .flatMap(json -> WellKnownApi.read(domain, json, config.federation().allowPrivate()));
        api.ifPresent(uri -> discovered.put(domain, uri, now, now.plus(config.federation().cacheTtl())));
        return api;
    }

    /** The actor's currently valid ID-Certs as the seed's {@code p2core/key/actor/{fid}} lists them, PEM. */
    public List<String> actorCertificates(FederationId fid) {
        JsonValue json = get(fid.domain(), "p2core/key/actor/" + encoded(fid));
        if (json instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        throw FederationRefusal.of(fid.domain(), "it answered no certificate list");
    }

    private static String encoded(FederationId fid) {
        return URLEncoder.encode(fid.toString(), StandardCharsets.UTF_8);
    }

    /**
     * The answer of a route, or empty when the home server answered that it does not offer it (another status than
     * 200). A home server that does not answer in time is refused at once, not asked again under another path. A
     * client that was never started (outside a server) reaches no one.
     */
    private Optional<JsonValue> offered(String domain, String path) {
        if (fetcher == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(get(domain, path));
        } catch (RouteNotOffered notOffered) {
            return Optional.empty();
        }
    }

    private JsonValue get(String domain, String path) {
        return getAt(domain, target(domain, path));
    }

    private JsonValue getAt(String domain, URI url) {
        requireNoTransaction();
        byte[] body = fetcher.get(url);
        try {
            return JSON.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readValue();
        } catch (JsonException e) {
            throw FederationRefusal.of(domain, "it answered something that is not JSON");
        }
    }

    private void requireNoTransaction() {
        if (transactions != null && transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("polyproto: a fetch from another home server inside a transaction");
        }
    }

    /** The URL to ask; the domain's shape is checked when it would be looked up by name without a mapping. */
    private URI target(String domain, String path) {
        URI base;
        try {
            base = resolver.resolve(domain);
        } catch (IllegalArgumentException e) {
            throw FederationRefusal.of(domain, "no home server URL can be made for it: " + e.getMessage());
        }
        if (base == null) {
            throw FederationRefusal.of(domain, "the resolver knows no home server URL for it");
        }
        if (!config.federation().homeServers().containsKey(domain)
                && (base.getHost() == null || base.getHost().equalsIgnoreCase(domain))) {
            FederationTargets.require(domain);
        }
        try {
            return base.resolve(path);
        } catch (IllegalArgumentException e) {
            throw FederationRefusal.of(domain, "its home server URL " + base + " is not usable");
        }
    }
}
