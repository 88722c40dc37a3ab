package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.IdCertFactory;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.internal.federation.FederationClient;
import org.polyproto.jakarta.internal.federation.FetchedCertificates;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.testing.TestActor;

/**
 * session/identify of another server's actors: {@link CertificateTrust} asks {@code other.test} through
 * {@link org.polyproto.jakarta.internal.federation.HomeServers}, whose caches decide how often it is asked.
 * {@code down.test} never answers.
 */
class ForeignIdentificationTest {

    static final String OTHER = "other.test";
    static final String DOWN = "down.test";
    static final Duration REFETCH = Duration.ofSeconds(10);
    static final Duration FAILURE_TTL = Duration.ofSeconds(60);
    static final Duration CACHE_TTL = Duration.ofHours(1);

    private final HomeServer other = new HomeServer();
    private final ServiceFixture f = new ServiceFixture(Map.of(
            "polyproto.federation.refetch-interval", Long.toString(REFETCH.toSeconds()),
            "polyproto.federation.failure-ttl", Long.toString(FAILURE_TTL.toSeconds()),
            "polyproto.federation.cache-ttl", Long.toString(CACHE_TTL.toSeconds())), other.client());

    /** {@code other.test}: its key, the ID-Certs it lists per actor, and how often it was asked for what. */
    final class HomeServer {
        byte[] seed = StrictEd25519.generatePrivateKey(new SecureRandom());
        String certificatePem = serverCertificate(seed);
        final Map<FederationId, List<String>> listed = new ConcurrentHashMap<>();
        int serverFetches;
        int listFetches;
        int downFetches;

        String serverCertificate(byte[] key) {
            return PemCodec.encode(PemCodec.CERTIFICATE, IdCertFactory.serverCertificate(key, OTHER,
                    BigInteger.valueOf(77), ServiceFixture.START.minus(Duration.ofDays(1)),
                    ServiceFixture.START.plus(Duration.ofDays(365))));
        }

        /** A new key pair and certificate, as after a rotation. */
        void rotate() {
            seed = StrictEd25519.generatePrivateKey(new SecureRandom());
            certificatePem = serverCertificate(seed);
        }

        /** An ID-Cert this server issues for {@code name@domain}, listed as current if {@code list}. */
        byte[] issue(TestActor key, String name, String domain, String sessionId, boolean list) {
            byte[] der = IdCertFactory.actorCertificate(ParsedCsr.parse(key.csrDer(TestActor.subject(name, domain,
                    sessionId))), seed, PolyprotoNames.serverName(domain), IdCertFactory.newSerial(new SecureRandom()),
                    f.now().minusSeconds(60), f.now().plus(Duration.ofDays(1)));
            if (list) {
                listed.computeIfAbsent(new FederationId(name, domain), k -> new ArrayList<>())
                        .add(PemCodec.encode(PemCodec.CERTIFICATE, der));
            }
            return der;
        }

        FederationClient client() {
            return new FederationClient() {
                @Override
                public FetchedCertificates serverCertificate(String domain) {
                    if (domain.equals(DOWN)) {
                        downFetches++;
                        throw FederationClient.notFederated();
                    }
                    serverFetches++;
                    return FetchedCertificates.of(certificatePem);
                }

                @Override
                public List<String> actorCertificates(FederationId fid) {
                    listFetches++;
                    return List.copyOf(listed.getOrDefault(fid, List.of()));
                }

                @Override
                public Duration deadline() {
                    return Duration.ofSeconds(1);
                }
            };
        }
    }

    private static void refused(String code, Executable call) {
        assertEquals(code, assertThrows(PolyprotoException.class, call).code());
    }

    @Test
    void theHomeServerIsAskedOnceAndThenAnsweredFromTheCacheUntilItsTtl() {
        TestActor key = TestActor.generate();
        byte[] cert = other.issue(key, "carol", OTHER, "phone", true);

        Session session = f.sessions.authenticate(f.identify(key, cert).token());
        f.identify(key, cert);
        f.advance(CACHE_TTL.minusSeconds(1));
        f.identify(key, cert);

        assertEquals(new FederationId("carol", OTHER), session.fid());
        assertEquals(1, other.serverFetches);
        assertEquals(1, other.listFetches);
        f.advance(Duration.ofSeconds(1));
        f.identify(key, cert);
        assertEquals(2, other.serverFetches, "expired");
        assertEquals(2, other.listFetches, "expired");
    }

    @Test
    void aForeignActorsChallengeIsUsedWithoutTheHomeActorsCombinedCall() {
        f.opening.issuedUse = (challenge, fid, certSerial, certPem, signerSerial, now) -> {
            throw new AssertionError("asked for a foreign actor");
        };
        TestActor key = TestActor.generate();
        String challenge = f.challenge();

        f.identify(challenge, key.sign(ServiceFixture.bytes(challenge)), other.issue(key, "carol", OTHER, "phone", true));

        assertTrue(f.challengeStore.isUsed(challenge));
    }

    @Test
    void aCertificateItsHomeServerDoesNotListIsNotTrusted() {
        TestActor key = TestActor.generate();
        byte[] unlisted = other.issue(key, "carol", OTHER, "phone", false);

        refused("P2CORE_IDCERT_INVALID", () -> f.identify(key, unlisted));
        assertEquals(1, other.listFetches);
    }

    @Test
    void anUnlistedCertificateRefetchesTheListAtMostOncePerRefetchInterval() {
        TestActor key = TestActor.generate();
        f.identify(key, other.issue(key, "carol", OTHER, "phone", true));
        byte[] laptop = other.issue(key, "carol", OTHER, "laptop", true); // listed after our fetch
        byte[] never = other.issue(key, "carol", OTHER, "tablet", false);

        refused("P2CORE_IDCERT_INVALID", () -> f.identify(key, laptop));
        refused("P2CORE_IDCERT_INVALID", () -> f.identify(key, never));
        assertEquals(1, other.listFetches, "fetched too recently to ask again");

        f.advance(REFETCH);
        f.identify(key, laptop);
        assertEquals(2, other.listFetches);
        refused("P2CORE_IDCERT_INVALID", () -> f.identify(key, never));
        assertEquals(2, other.listFetches, "the refetch just happened");

        f.advance(REFETCH);
        refused("P2CORE_IDCERT_INVALID", () -> f.identify(key, never));
        assertEquals(3, other.listFetches);
        assertEquals(1, other.serverFetches, "the server certificate was never missed");
    }

    @Test
    void aCertificateByANewServerKeyRefetchesTheServerCertificateAtMostOncePerRefetchInterval() {
        TestActor key = TestActor.generate();
        f.identify(key, other.issue(key, "carol", OTHER, "phone", true));
        other.rotate();
        byte[] byNewKey = other.issue(key, "carol", OTHER, "laptop", true);

        refused("P2CORE_IDCERT_INVALID", () -> f.identify(key, byNewKey));
        assertEquals(1, other.serverFetches);

        f.advance(REFETCH);
        f.identify(key, byNewKey);
        assertEquals(2, other.serverFetches);
    }

    @Test
    void aFailingDomainIsRememberedForTheFailureTtl() {
        TestActor key = TestActor.generate();
        byte[] cert = other.issue(key, "dave", DOWN, "phone", true);

        refused("P2CORE_NOT_FEDERATED", () -> f.identify(key, cert));
        f.advance(FAILURE_TTL.minusSeconds(1));
        refused("P2CORE_NOT_FEDERATED", () -> f.identify(key, cert));
        assertEquals(1, other.downFetches, "answered from the negative cache");

        f.advance(Duration.ofSeconds(1));
        refused("P2CORE_NOT_FEDERATED", () -> f.identify(key, cert));
        assertEquals(2, other.downFetches);
        assertEquals(0, other.serverFetches, "other domains are not affected");
    }

    @Test
    void aCertificateOutsideItsHomeServersValidityIsNotTrusted() {
        TestActor key = TestActor.generate();
        byte[] tooLong = IdCertFactory.actorCertificate(ParsedCsr.parse(key.csrDer(TestActor.subject("carol", OTHER,
                "phone"))), other.seed, PolyprotoNames.serverName(OTHER), BigInteger.TEN, f.now(),
                ServiceFixture.START.plus(Duration.ofDays(400)));
        other.listed.put(new FederationId("carol", OTHER), List.of(PemCodec.encode(PemCodec.CERTIFICATE, tooLong)));

        refused("P2CORE_IDCERT_INVALID", () -> f.identify(key, tooLong));
    }

    @Test
    void theFetchesAreChargedToTheClientThatCausedThem() {
        ServiceFixture limited = new ServiceFixture(Map.of("polyproto.rate-limit.federation.burst", "2",
                "polyproto.rate-limit.federation.per-minute", "1"), other.client());
        TestActor key = TestActor.generate();
        byte[] carol = other.issue(key, "carol", OTHER, "phone", true);
        byte[] erin = other.issue(key, "erin", OTHER, "phone", true);

        limited.identify(key, carol); // the server certificate and carol's list
        PolyprotoException e = assertThrows(PolyprotoException.class, () -> limited.identify(key, erin));

        assertEquals("P2CORE_RATE_LIMITED", e.code());
        assertEquals(60, e.retryAfterSeconds().orElseThrow());
        assertEquals(1, other.listFetches, "erin's list was not fetched");
        limited.identify(key, carol);
        assertEquals(1, other.serverFetches);
    }
}
