package org.polyproto.jakarta.internal.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.IdCertFactory;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.internal.config.FederationSettings;
import org.polyproto.jakarta.internal.config.TestConfig;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.internal.service.PolyprotoClock;
import org.polyproto.jakarta.testing.TestActor;

/**
 * The federation caches against a hostile home server (security review H2, L8): padded lists, fresh FIDs,
 * concurrent misses, failing domains.
 */
class HomeServersBoundTest {

    static final String DOMAIN = "evil.test";
    static final int MAX_ENTRIES = 500;
    static final int MAX_BYTES = 256 * 1024;

    private final byte[] serverKey = StrictEd25519.generatePrivateKey(new SecureRandom());
    private final Instant now = Instant.now();
    private final String serverPem = PemCodec.encode(PemCodec.CERTIFICATE, IdCertFactory.serverCertificate(
            serverKey, DOMAIN, BigInteger.ONE, now.minusSeconds(60), now.plusSeconds(86_400)));
    private final TestActor actorKey = TestActor.generate();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    private HomeServers homeServers(Map<String, String> settings, FederationClient client) {
        HomeServers homeServers = new HomeServers();
        homeServers.config = TestConfig.of(settings);
        homeServers.client = client;
        homeServers.clock = new PolyprotoClock();
        homeServers.limiter = (routeClass, address) -> OptionalLong.empty();
        homeServers.metrics = org.polyproto.jakarta.internal.service.ModuleMetrics.of();
        homeServers.init();
        return homeServers;
    }

    private ParsedIdCert actorCert(String name) {
        byte[] der = IdCertFactory.actorCertificate(ParsedCsr.parse(actorKey.csrDer(TestActor.subject(name, DOMAIN,
                "s1"))), serverKey, PolyprotoNames.serverName(DOMAIN), BigInteger.TEN, now.minusSeconds(60),
                now.plusSeconds(3600));
        return ParsedIdCert.parse(der);
    }

    /**
     * Answers the server certificate and, for every actor, 20 real certificates among 100 junk entries: the junk is
     * never kept, the certificates only as digests.
     */
    private FederationClient padding(List<String> listed) {
        return new FederationClient() {
            @Override
            public FetchedCertificates serverCertificate(String domain) {
                fetches.computeIfAbsent(domain, d -> new AtomicInteger()).incrementAndGet();
                return FetchedCertificates.of(serverPem);
            }

            @Override
            public List<String> actorCertificates(FederationId fid) {
                fetches.computeIfAbsent(fid.toString(), d -> new AtomicInteger()).incrementAndGet();
                return listed;
            }

            @Override
            public Duration deadline() {
                return Duration.ofSeconds(2);
            }
        };
    }

    @Test
    void twentyThousandFreshActorsWithPaddedListsStayWithinTheBound() {
        List<String> listed = new ArrayList<>(Collections.nCopies(100, "AA=="));
        List<ParsedIdCert> certs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            certs.add(actorCert("a" + i));
            listed.add(PemCodec.encode(PemCodec.CERTIFICATE, certs.get(i).der()));
        }
        HomeServers homeServers = homeServers(Map.of(
                FederationSettings.CACHE_MAX_ENTRIES, Integer.toString(MAX_ENTRIES),
                FederationSettings.CACHE_MAX_BYTES, Integer.toString(MAX_BYTES)), padding(listed));
        ParsedIdCert first = certs.get(0);
        for (int i = 0; i < 20_000; i++) {
            ParsedIdCert cert = certs.get(i % certs.size());
            FederationId fid = new FederationId("a" + i, DOMAIN);
            ParsedIdCert server = homeServers.signerOf(cert, DOMAIN, "192.0.2.1");
            assertTrue(homeServers.listsCertificate(fid, cert, server, "192.0.2.1"),
                    "the real certificate is still found");
            assertTrue(homeServers.cachedEntries() <= 3 * MAX_ENTRIES, "entries: " + homeServers.cachedEntries());
            assertTrue(homeServers.cachedBytes() <= 3L * MAX_BYTES, "bytes: " + homeServers.cachedBytes());
        }
        assertEquals(1, fetches.get(DOMAIN).get(), "the server certificate stayed cached");
        homeServers.listsCertificate(new FederationId("a0", DOMAIN), first,
                homeServers.signerOf(first, DOMAIN, "192.0.2.1"), "192.0.2.1");
        assertEquals(2, fetches.get("a0@" + DOMAIN).get(), "the first actor's list was evicted and fetched again");
    }

    @Test
    void concurrentMissesForOneActorFetchOnceAndAFailingDomainIsNotAskedAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        FederationClient slow = new FederationClient() {
            @Override
            public FetchedCertificates serverCertificate(String domain) {
                asked.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw FederationClient.notFederated();
            }

            @Override
            public Duration deadline() {
                return Duration.ofSeconds(5);
            }
        };
        HomeServers homeServers = homeServers(Map.of(), slow);
        ParsedIdCert cert = actorCert("bob");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(pool.submit(() -> homeServers.signerOf(cert, DOMAIN, "192.0.2.1")));
            }
            Thread.sleep(300);
            release.countDown();
            for (Future<?> call : calls) {
                Exception e = assertThrows(Exception.class, call::get);
                assertTrue(e.getCause() instanceof PolyprotoException, e::toString);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, asked.get(), "one fetch for twenty concurrent misses");
        PolyprotoException cached = assertThrows(PolyprotoException.class,
                () -> homeServers.signerOf(cert, DOMAIN, "192.0.2.1"));
        assertEquals("P2CORE_NOT_FEDERATED", cached.code());
        assertEquals(1, asked.get(), "the failing domain is answered from the negative cache");
    }

    @Test
    void aV1ListIsKeptNoLongerThanItsCacheWindowEvenWhenTheTtlIsLonger() {
        ParsedIdCert cert = actorCert("w");
        List<String> listed = List.of(PemCodec.encode(PemCodec.CERTIFICATE, cert.der()));
        java.util.concurrent.atomic.AtomicReference<byte[]> keyAsked = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Instant> time = new java.util.concurrent.atomic.AtomicReference<>(
                now);
        FederationClient v1 = new FederationClient() {
            @Override
            public FetchedCertificates serverCertificate(String domain) {
                return FetchedCertificates.of(serverPem);
            }

            @Override
            public FetchedCertificates actorCertificates(FederationId fid, byte[] serverPublicKey) {
                fetches.computeIfAbsent(fid.toString(), d -> new AtomicInteger()).incrementAndGet();
                keyAsked.set(serverPublicKey);
                return new FetchedCertificates(listed, Optional.of(time.get().plusSeconds(300)));
            }

            @Override
            public Duration deadline() {
                return Duration.ofSeconds(2);
            }
        };
        HomeServers homeServers = homeServers(Map.of(FederationSettings.CACHE_TTL, "3600"), v1);
        homeServers.clock = new PolyprotoClock() {
            @Override
            public Instant now() {
                return time.get();
            }
        };
        FederationId fid = new FederationId("w", DOMAIN);
        ParsedIdCert server = homeServers.signerOf(cert, DOMAIN, "192.0.2.1");

        assertTrue(homeServers.listsCertificate(fid, cert, server, "192.0.2.1"));
        assertTrue(homeServers.listsCertificate(fid, cert, server, "192.0.2.1"));
        assertEquals(1, fetches.get(fid.toString()).get(), "cached within the window");
        assertTrue(java.util.Arrays.equals(StrictEd25519.publicKey(serverKey), keyAsked.get()),
                "the list is verified with the home server's key");
        time.set(now.plusSeconds(301));
        assertTrue(homeServers.listsCertificate(fid, cert, server, "192.0.2.1"));
        assertEquals(2, fetches.get(fid.toString()).get(), "fetched again once the window ended");
    }

    @Test
    void aDomainGetsOnlyItsShareOfConcurrentFetches() {
        FetchBulkhead bulkhead = new FetchBulkhead(3, 2);
        assertTrue(bulkhead.tryEnter("a.test"));
        assertTrue(bulkhead.tryEnter("a.test"));
        assertFalse(bulkhead.tryEnter("a.test"), "per domain");
        assertTrue(bulkhead.tryEnter("b.test"));
        assertFalse(bulkhead.tryEnter("c.test"), "in total");
        bulkhead.exit("a.test");
        assertTrue(bulkhead.tryEnter("c.test"));
        bulkhead.exit("a.test");
        bulkhead.exit("b.test");
        bulkhead.exit("c.test");
        assertEquals(0, bulkhead.domainsUnderWay());
    }
}
