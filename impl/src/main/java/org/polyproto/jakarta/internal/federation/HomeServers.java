package org.polyproto.jakarta.internal.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.internal.cert.VerifiedSignatures;
import org.polyproto.jakarta.internal.config.FederationSettings;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.crypto.Sha256;
import org.polyproto.jakarta.internal.service.PolyprotoClock;
import org.polyproto.jakarta.spi.RateLimiter;
import org.polyproto.jakarta.spi.RouteClass;
import org.polyproto.jakarta.internal.log.ModuleLog;
import org.polyproto.jakarta.internal.log.SecurityLog;
import org.polyproto.jakarta.internal.service.ModuleMetrics;

/**
 * Other home servers as this server knows them: their checked ID-Certs and digests of their actors' certificate
 * lists, cached for {@code polyproto.federation.cache-ttl} in caches bounded in entries and bytes. Every fetch runs
 * outside any transaction, behind a bulkhead (in total and per domain; no room means {@code NOT_FEDERATED} at
 * once), once per key however many requests ask at the same time, and is charged to the client that caused it
 * ({@link RouteClass#FEDERATION}). A domain (or an actor) whose fetch failed is answered from a negative cache for
 * {@code polyproto.federation.failure-ttl}; a miss (unknown signer, unlisted certificate) refetches at most once per
 * {@code polyproto.federation.refetch-interval} per key. A v1 answer is kept no longer than its cache window. An
 * actor's ID-Cert whose signature by its home server's key verified once is not verified again
 * ({@link VerifiedSignatures}, as many entries as each cache).
 */
@ApplicationScoped
public class HomeServers {

    /** What one listed certificate's digest costs in the cache (a Base64 SHA-256 string and its set slot). */
    static final long DIGEST_WEIGHT = 120;

    @Inject
    FederationClient client;
    @Inject
    ModuleMetrics metrics;
    @Inject
    PolyprotoConfig config;
    @Inject
    PolyprotoClock clock;
    @Inject
    RateLimiter limiter;

    private Duration ttl;
    private Duration failureTtl;
    private Duration refetchInterval;
    private Duration waitForOthers;
    private int maxListed;
    private FetchBulkhead bulkhead;
    private BoundedCache<String, ParsedIdCert> servers;
    private BoundedCache<FederationId, Set<String>> actors;
    private BoundedCache<String, PolyprotoException> failures;
    private VerifiedSignatures verified;
    private final ConcurrentHashMap<String, CompletableFuture<Object>> underWay = new ConcurrentHashMap<>();

    @jakarta.annotation.PostConstruct
    void init() {
        FederationSettings settings = config.federation();
        ttl = settings.cacheTtl();
        failureTtl = settings.failureTtl();
        refetchInterval = settings.refetchInterval();
        waitForOthers = client.deadline().plusSeconds(1);
        maxListed = config.certificates().keyActorMaxCerts();
        bulkhead = new FetchBulkhead(settings.maxConcurrent(), settings.maxConcurrentPerDomain());
        int entries = settings.cacheMaxEntries();
        long bytes = settings.cacheMaxBytes();
        servers = new BoundedCache<>(entries, bytes, cert -> cert.der().length * 4L);
        actors = new BoundedCache<>(entries, bytes, digests -> digests.size() * DIGEST_WEIGHT);
        failures = new BoundedCache<>(entries, bytes, e -> e.getMessage().length() * 2L);
        verified = new VerifiedSignatures(entries);
    }

    /**
     * The current ID-Cert of {@code domain}'s home server that signed {@code cert}; refetched on a miss.
     *
     * @param requester the client address the fetch is charged to
     */
    public ParsedIdCert signerOf(ParsedIdCert cert, String domain, String requester) {
        Instant now = clock.now();
        requireNotFailing(domain, now);
        Optional<BoundedCache.Entry<ParsedIdCert>> cached = servers.get(domain, now);
        ParsedIdCert server = cached.map(BoundedCache.Entry::value)
                .orElseGet(() -> fetchServer(domain, requester));
        if (!verified.isSignedBy(cert, server.publicKey()) && cached.isPresent() && mayRefetch(cached.get(), now)) {
            server = fetchServer(domain, requester);
        }
        if (!verified.isSignedBy(cert, server.publicKey())) {
            throw invalid("it is not signed by the current key of its home server");
        }
        return server;
    }

    /**
     * Whether the home server lists {@code cert} among the actor's current ID-Certs; refetched on a miss. A v1 list
     * is verified with {@code server}'s key and kept no longer than its cache window.
     */
    public boolean listsCertificate(FederationId fid, ParsedIdCert cert, ParsedIdCert server, String requester) {
        Instant now = clock.now();
        requireNotFailing(fid.domain(), now);
        requireNotFailing(fid.toString(), now);
        String digest = digest(cert.der());
        Optional<BoundedCache.Entry<Set<String>>> cached = actors.get(fid, now);
        if (cached.isPresent() && (cached.get().value().contains(digest) || !mayRefetch(cached.get(), now))) {
            return cached.get().value().contains(digest);
        }
        return fetchActor(fid, server, requester).contains(digest);
    }

    int cachedEntries() {
        return servers.size() + actors.size() + failures.size();
    }

    long cachedBytes() {
        return servers.bytes() + actors.bytes() + failures.bytes();
    }

    private boolean mayRefetch(BoundedCache.Entry<?> entry, Instant now) {
        return !now.isBefore(entry.fetchedAt().plus(refetchInterval));
    }

    private void requireNotFailing(String domain, Instant now) {
        Optional<BoundedCache.Entry<PolyprotoException>> failed = failures.get(domain, now);
        if (failed.isPresent()) {
            throw failed.get().value();
        }
    }

    private ParsedIdCert fetchServer(String domain, String requester) {
        return once(domain, domain, requester, () -> {
            FetchedCertificates fetched = client.serverCertificate(domain);
            ParsedIdCert server = checkedServer(domain, fetched.first());
            Instant now = clock.now();
            servers.put(domain, server, now, cacheEnd(fetched, now));
            return server;
        });
    }

    private Set<String> fetchActor(FederationId fid, ParsedIdCert server, String requester) {
        return once(fid.toString(), fid.domain(), requester, () -> {
            FetchedCertificates fetched = client.actorCertificates(fid, server.publicKey());
            Set<String> digests = new HashSet<>();
            for (String pem : fetched.pems()) {
                if (digests.size() >= maxListed) {
                    break;
                }
                PemCodec.decode(pem).filter(HomeServers::isCertificate).map(HomeServers::digest)
                        .ifPresent(digests::add);
            }
            Set<String> listed = Set.copyOf(digests);
            Instant now = clock.now();
            actors.put(fid, listed, now, cacheEnd(fetched, now));
            return listed;
        });
    }

    /**
     * Runs {@code fetch} unless the same key is being fetched already, in which case this waits for that answer.
     * Both take a place in the bulkhead, since both hold a request thread until the answer comes: a home server
     * that never answers holds at most its domain's share of threads. The fetch is charged to the requester, and
     * its failure is remembered.
     */
    @SuppressWarnings("unchecked")
    private <V> V once(String key, String domain, String requester, Supplier<V> fetch) {
        if (!bulkhead.tryEnter(domain)) {
            ModuleLog.noRoomForFetch(domain);
            metrics.federationFetch("BUSY", Duration.ZERO);
            throw FederationClient.notFederated();
        }
        try {
            CompletableFuture<Object> mine = new CompletableFuture<>();
            CompletableFuture<Object> running = underWay.putIfAbsent(key, mine);
            if (running != null) {
                return (V) await(running, domain);
            }
            try {
                V value = charged(key, requester, fetch);
                mine.complete(value);
                return value;
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                underWay.remove(key, mine);
            }
        } finally {
            bulkhead.exit(domain);
        }
    }

    private <V> V charged(String key, String requester, Supplier<V> fetch) {
        limiter.acquire(RouteClass.FEDERATION, requester).ifPresent(seconds -> {
            SecurityLog.rateLimited(RouteClass.FEDERATION.name(), requester);
            metrics.rateLimited(RouteClass.FEDERATION);
            metrics.federationFetch(ErrorCode.RATE_LIMITED.wireName(), Duration.ZERO);
            throw PolyprotoException.retryAfter(ErrorCode.RATE_LIMITED,
                    "Too many requests that need other home servers; retry later.", Math.max(1, seconds), null);
        });
        long start = System.nanoTime();
        try {
            V value = fetch.get();
            metrics.federationFetch("OK", ModuleMetrics.since(start));
            return value;
        } catch (PolyprotoException e) {
            metrics.federationFetch(e.code(), ModuleMetrics.since(start));
            Instant now = clock.now();
            failures.put(key, e, now, now.plus(failureTtl));
            throw e;
        }
    }

    private Object await(CompletableFuture<Object> running, String domain) {
        try {
            return running.get(waitForOthers.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PolyprotoException p) {
                throw p;
            }
            throw FederationClient.notFederated();
        } catch (TimeoutException e) {
            ModuleLog.gaveUpWaitingForFetch(domain);
            throw FederationClient.notFederated();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FederationClient.notFederated();
        }
    }

    private ParsedIdCert checkedServer(String domain, String pem) {
        byte[] der = PemCodec.decode(pem).orElseThrow(FederationClient::notFederated);
        ParsedIdCert server;
        try {
            server = ParsedIdCert.parse(der);
        } catch (PolyprotoException e) {
            throw invalid("its home server's certificate is unreadable");
        }
        String named = PolyprotoNames.requireServerName(server.subject(), ErrorCode.IDCERT_INVALID);
        if (!named.equals(domain) || !PolyprotoNames.domainComponents(server.issuer())
                .equals(PolyprotoNames.domainComponents(server.subject()))) {
            throw invalid("its home server's certificate is not for its domain");
        }
        if (!server.capabilities().fitsHomeServer() || !server.isSignedBy(server.publicKey())) {
            throw invalid("its home server's certificate is not a self-signed CA certificate");
        }
        if (!server.isValidAt(clock.now(), config.certificates().idCertLeeway())) {
            throw invalid("its home server's certificate is outside its validity");
        }
        return server;
    }

    /** The TTL's end, or the answer's cache window's if that ends first. */
    private Instant cacheEnd(FetchedCertificates fetched, Instant now) {
        Instant ttlEnd = now.plus(ttl);
        return fetched.cacheUntil().filter(end -> end.isBefore(ttlEnd)).orElse(ttlEnd);
    }

    private static boolean isCertificate(byte[] der) {
        try {
            org.bouncycastle.asn1.x509.Certificate.getInstance(der);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String digest(byte[] der) {
        return Base64.getEncoder().encodeToString(Sha256.digest(der));
    }

    private static PolyprotoException invalid(String why) {
        return new PolyprotoException(ErrorCode.IDCERT_INVALID, "The ID-Cert is not trusted: " + why + ".");
    }
}
