package org.polyproto.jakarta.internal.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.service.PolyprotoClock;

/**
 * Other home servers as this server knows them: their checked ID-Certs and their actors' certificate lists, each
 * cached for {@code polyproto.federation.cache-ttl}. A lookup that misses re-fetches once, so a new key or a new
 * actor certificate is seen at once, while a withdrawn one is only forgotten when its cache entry expires.
 */
@ApplicationScoped
public class HomeServers {

    public static final String CACHE_TTL = "polyproto.federation.cache-ttl";

    @Inject
    FederationClient client;
    @Inject
    PolyprotoConfig config;
    @Inject
    PolyprotoClock clock;

    private Duration ttl;
    private final Map<String, Cached<ParsedIdCert>> servers = new ConcurrentHashMap<>();
    private final Map<FederationId, Cached<List<byte[]>>> actors = new ConcurrentHashMap<>();

    @jakarta.annotation.PostConstruct
    void init() {
        ttl = config.duration(CACHE_TTL, Duration.ofHours(1));
    }

    /** The current ID-Cert of {@code domain}'s home server that signed {@code cert}; refetched once on a miss. */
    public ParsedIdCert signerOf(ParsedIdCert cert, String domain) {
        ParsedIdCert server = cached(servers, domain, () -> fetchServer(domain), false);
        if (!cert.isSignedBy(server.publicKey())) {
            server = cached(servers, domain, () -> fetchServer(domain), true);
        }
        if (!cert.isSignedBy(server.publicKey())) {
            throw invalid("it is not signed by the current key of " + domain);
        }
        return server;
    }

    /** Whether the home server lists {@code cert} among the actor's current ID-Certs; refetched once on a miss. */
    public boolean listsCertificate(FederationId fid, ParsedIdCert cert) {
        if (contains(cached(actors, fid, () -> fetchActor(fid), false), cert)) {
            return true;
        }
        return contains(cached(actors, fid, () -> fetchActor(fid), true), cert);
    }

    private static boolean contains(List<byte[]> certs, ParsedIdCert cert) {
        return certs.stream().anyMatch(der -> Arrays.equals(der, cert.der()));
    }

    private ParsedIdCert fetchServer(String domain) {
        byte[] der = PemCodec.decode(client.serverCertificate(domain)).orElseThrow(() -> new PolyprotoException(
                ErrorCode.NOT_FEDERATED, "The home server of " + domain + " answered no certificate."));
        ParsedIdCert server;
        try {
            server = ParsedIdCert.parse(der);
        } catch (PolyprotoException e) {
            throw invalid("the home server's certificate is unreadable");
        }
        String named = PolyprotoNames.requireServerName(server.subject(), ErrorCode.IDCERT_INVALID);
        if (!named.equals(domain) || !PolyprotoNames.domainComponents(server.issuer())
                .equals(PolyprotoNames.domainComponents(server.subject()))) {
            throw invalid("the home server's certificate is not for " + domain);
        }
        if (!server.capabilities().fitsHomeServer() || !server.isSignedBy(server.publicKey())) {
            throw invalid("the home server's certificate is not a self-signed CA certificate");
        }
        if (!server.isValidAt(clock.now(), config.idCertLeeway())) {
            throw invalid("the home server's certificate is outside its validity");
        }
        return server;
    }

    private List<byte[]> fetchActor(FederationId fid) {
        return client.actorCertificates(fid).stream().map(PemCodec::decode).flatMap(Optional::stream).toList();
    }

    private <K, V> V cached(Map<K, Cached<V>> cache, K key, Supplier<V> fetch, boolean refresh) {
        Instant now = clock.now();
        Cached<V> entry = cache.get(key);
        if (refresh || entry == null || !now.isBefore(entry.expiresAt)) {
            entry = new Cached<>(fetch.get(), now.plus(ttl));
            cache.put(key, entry);
        }
        return entry.value;
    }

    private static PolyprotoException invalid(String why) {
        return new PolyprotoException(ErrorCode.IDCERT_INVALID, "The ID-Cert is not trusted: " + why + ".");
    }

    private record Cached<V>(V value, Instant expiresAt) {
    }
}
