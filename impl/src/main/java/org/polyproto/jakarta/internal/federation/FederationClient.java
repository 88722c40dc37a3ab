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
import java.util.List;
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

    @Inject
    HomeServerResolver resolver;
    @Inject
    PolyprotoConfig config;
    /** Absent outside a Jakarta EE server (unit tests). */
    @Resource
    TransactionSynchronizationRegistry transactions;

    private PinnedHttpFetcher fetcher;
    private BoundedDns dns;
    private Duration deadline;

    @PostConstruct
    void init() {
        FederationSettings settings = config.federation();
        deadline = settings.readTimeout();
        dns = new BoundedDns(BoundedDns.THREADS, BoundedDns.QUEUED);
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

    /** The home server's current ID-Cert, PEM. */
    public String serverCertificate(String domain) {
        JsonValue json = get(domain, "p2core/key/server");
        if (json instanceof JsonString pem) {
            return pem.getString();
        }
        throw FederationRefusal.of(domain, "it answered no certificate");
    }

    /** The actor's currently valid ID-Certs as its home server lists them, PEM. */
    public List<String> actorCertificates(FederationId fid) {
        JsonValue json = get(fid.domain(), "p2core/key/actor/" + URLEncoder.encode(fid.toString(),
                StandardCharsets.UTF_8));
        if (json instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        throw FederationRefusal.of(fid.domain(), "it answered no certificate list");
    }

    private JsonValue get(String domain, String path) {
        requireNoTransaction();
        byte[] body = fetcher.get(target(domain, path));
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
