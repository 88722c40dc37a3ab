package org.polyproto.jakarta.internal.service;

import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.representation.IssuedIdCertRepresentation;
import org.polyproto.jakarta.api.representation.SessionTokenRepresentation;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.config.TestConfig;
import org.polyproto.jakarta.internal.defaults.OpenRegistrationHandler;
import org.polyproto.jakarta.internal.defaults.PlainIdentifyHandler;
import org.polyproto.jakarta.internal.defaults.TestActors;
import org.polyproto.jakarta.internal.defaults.TestRateLimiters;
import org.polyproto.jakarta.internal.federation.FederationClient;
import org.polyproto.jakarta.internal.federation.FetchedCertificates;
import org.polyproto.jakarta.internal.federation.HomeServers;
import org.polyproto.jakarta.internal.federation.TestHomeServers;
import org.polyproto.jakarta.spi.RateLimiter;
import org.polyproto.jakarta.spi.ServerKey;
import org.polyproto.jakarta.spi.ServerSigningKey;
import org.polyproto.jakarta.spi.storage.ActorRecord;
import org.polyproto.jakarta.spi.storage.ActorStore;
import org.polyproto.jakarta.spi.storage.StorageConflictException;
import org.polyproto.jakarta.spi.storage.memory.InMemoryChallengeStore;
import org.polyproto.jakarta.spi.storage.memory.InMemoryEventQueue;
import org.polyproto.jakarta.spi.storage.memory.InMemoryIdCertStore;
import org.polyproto.jakarta.spi.storage.memory.InMemoryKeyMaterialStore;
import org.polyproto.jakarta.spi.storage.memory.InMemoryKeyPackageStore;
import org.polyproto.jakarta.spi.storage.memory.InMemoryKeyTrialStore;
import org.polyproto.jakarta.spi.storage.memory.InMemoryServerKeyCustody;
import org.polyproto.jakarta.spi.storage.memory.InMemoryServiceStore;
import org.polyproto.jakarta.spi.storage.memory.InMemoryLoginFailureStore;
import org.polyproto.jakarta.spi.storage.memory.InMemorySessionStore;
import org.polyproto.jakarta.testing.RecordingMetrics;
import org.polyproto.jakarta.testing.TestActor;

/**
 * The real services of {@code example.com}, wired by hand over the in-memory stores, with a clock that moves only
 * when a test moves it. No CDI: {@code @Transactional} does nothing here, so the in-memory stores (which never
 * roll back) see every write at once.
 */
final class ServiceFixture {

    static final String DOMAIN = "example.com";
    static final Instant START = Instant.parse("2030-01-01T12:00:00Z");
    static final String CLIENT = "192.0.2.1";

    /**
     * Shared by every fixture: the password hasher is built lazily with one Argon2 hash (its timing dummy) and
     * keeps no state a test could see.
     */
    private static final Secrets SECRETS = new Secrets();

    static {
        SECRETS.config = TestConfig.of(Map.of());
    }

    final InMemoryActorStore actorStore = new InMemoryActorStore();
    final InMemoryChallengeStore challengeStore = new InMemoryChallengeStore();
    final InMemorySessionStore sessionStore = new InMemorySessionStore();
    final InMemoryIdCertStore idCertStore = new InMemoryIdCertStore();
    final InMemoryKeyPackageStore keyPackageStore = new InMemoryKeyPackageStore();
    final InMemoryEventQueue eventQueue = new InMemoryEventQueue();
    final InMemoryLoginFailureStore loginFailureStore = new InMemoryLoginFailureStore();
    final CustodyWithOutage custody = new CustodyWithOutage();
    final InMemoryKeyMaterialStore keyMaterialStore = new InMemoryKeyMaterialStore();
    final InMemoryServiceStore serviceStore = new InMemoryServiceStore();
    final InMemoryKeyTrialStore keyTrialStore = new InMemoryKeyTrialStore();

    final PolyprotoConfig config;
    final PolyprotoClock clock = new PolyprotoClock();
    final Secrets secrets = SECRETS;
    final Transactions transactions = new Transactions();
    final RateLimiter limiter;
    final HomeServers homeServers;

    final RecordingMetrics recorded = new RecordingMetrics();
    final ModuleMetrics metrics = ModuleMetrics.of(recorded);
    final Notifications notifications = new Notifications();
    final Housekeeping housekeeping = new Housekeeping();
    final ServerKeys serverKeys = new ServerKeys();
    final Sessions sessions = new Sessions();
    final Challenges challenges = new Challenges();
    final IdCertIssuance issuance = new IdCertIssuance();
    final Registrations registrations = new Registrations();
    final Trusts trusts = new Trusts();
    final PasswordCheck passwords = new PasswordCheck();
    final PasswordAttempts passwordAttempts = new PasswordAttempts();
    final CertificateTrust certificateTrust = new CertificateTrust();
    final SessionOpening opening = new SessionOpening();
    final Identification identification = new Identification();
    final CacheableIdCerts cacheable = new CacheableIdCerts();
    final SessionRevocation revocation = new SessionRevocation();
    final KeyTrials keyTrials = new KeyTrials();
    final LoginGrants grants = new LoginGrants();
    final ServerMacs macs = new ServerMacs();
    final KeyMaterials keyMaterials = new KeyMaterials();
    final DiscoverableServices services = new DiscoverableServices();
    final LocalActors localActors = new LocalActors();
    final KeyTrialLog keyTrialLog = new KeyTrialLog();
    final KeyPackages keyPackages = new KeyPackages();

    private Instant now;

    /** Default settings, and no other home server answers. */
    ServiceFixture() {
        this(Map.of());
    }

    ServiceFixture(Map<String, String> settings) {
        this(settings, unreachable());
    }

    /** {@code settings} over the defaults; {@code federation} answers for every other home server. */
    ServiceFixture(Map<String, String> settings, FederationClient federation) {
        this(START, settings, federation);
    }

    ServiceFixture(Instant start, Map<String, String> settings, FederationClient federation) {
        config = TestConfig.of(settings);
        at(start);
        // The limiter counts monotonic nanoseconds; these follow the fixture's clock.
        limiter = TestRateLimiters.tokenBucket(config, () -> {
            Instant t = clock.now();
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        });
        homeServers = TestHomeServers.create(config, federation, clock, limiter, metrics);

        notifications.queue = eventQueue;
        notifications.sessions = sessionStore;
        notifications.config = config;
        notifications.clock = clock;
        notifications.metrics = metrics;

        housekeeping.challenges = challengeStore;
        housekeeping.sessions = sessionStore;
        housekeeping.keyPackages = keyPackageStore;
        housekeeping.events = eventQueue;
        housekeeping.loginFailures = loginFailureStore;
        housekeeping.clock = clock;
        housekeeping.config = config;
        housekeeping.init();

        node(serverKeys, new ServerCertExpiry());

        sessions.store = sessionStore;
        sessions.config = config;
        sessions.secrets = secrets;
        sessions.clock = clock;
        sessions.notifications = notifications;
        sessions.housekeeping = housekeeping;

        macs.serverKeys = serverKeys;
        challenges.config = config;
        challenges.secrets = secrets;
        challenges.clock = clock;
        challenges.macs = macs;

        issuance.idCerts = idCertStore;
        issuance.serverKeys = serverKeys;
        issuance.sessions = sessions;
        issuance.config = config;
        issuance.secrets = secrets;
        issuance.clock = clock;
        issuance.notifications = notifications;
        issuance.expiry = serverKeys.expiry;
        issuance.sessionStore = sessionStore;
        issuance.localActors = localActors;
        issuance.keyPackages = keyPackages;
        keyPackages.metrics = metrics;
        keyPackages.store = keyPackageStore;
        keyPackages.sessions = sessionStore;
        keyPackages.localActors = localActors;
        keyPackages.notifications = notifications;
        keyPackages.config = config;
        keyPackages.clock = clock;
        keyPackages.limiter = limiter;
        keyPackages.transactions = transactions;

        registrations.capabilities = ActorCapabilities.of(
                TestActors.registration(actorStore, secrets, clock, transactions),
                TestActors.verifier(actorStore, secrets, transactions));
        registrations.handler = new OpenRegistrationHandler();
        registrations.config = config;

        trusts.directory = TestActors.directory(actorStore, transactions);
        passwords.capabilities = registrations.capabilities;
        passwords.secrets = secrets;
        passwords.attempts = passwordAttempts;
        trusts.passwords = passwords;
        trusts.handler = registrations.handler;
        trusts.issuance = issuance;
        trusts.config = config;
        passwordAttempts.store = loginFailureStore;
        passwordAttempts.config = config;
        passwordAttempts.clock = clock;
        passwordAttempts.transactions = transactions;
        passwordAttempts.metrics = metrics;

        certificateTrust.serverKeys = serverKeys;
        certificateTrust.idCerts = idCertStore;
        certificateTrust.config = config;
        certificateTrust.homeServers = homeServers;
        certificateTrust.transactions = transactions;

        opening.challenges = challengeStore;
        opening.trust = certificateTrust;
        opening.handler = new PlainIdentifyHandler();
        opening.sessions = sessions;
        opening.clock = clock;

        identification.challenges = challenges;
        identification.used = challengeStore;
        identification.housekeeping = housekeeping;
        identification.trust = certificateTrust;
        identification.opening = opening;
        identification.clock = clock;
        identification.limiter = limiter;
        identification.transactions = transactions;
        identification.metrics = metrics;

        cacheable.serverKeys = serverKeys;
        cacheable.config = config;
        cacheable.clock = clock;

        revocation.sessions = sessionStore;
        revocation.idCerts = idCertStore;
        revocation.housekeeping = housekeeping;
        revocation.notifications = notifications;
        revocation.cacheable = cacheable;
        revocation.config = config;
        revocation.clock = clock;

        keyTrials.identification = identification;
        keyTrials.idCerts = idCertStore;
        keyTrials.transactions = transactions;
        keyTrials.config = config;

        grants.macs = macs;
        grants.config = config;
        grants.clock = clock;

        keyMaterials.store = keyMaterialStore;
        keyMaterials.sessions = sessionStore;
        keyMaterials.config = config;
        keyMaterials.localActors = localActors;

        services.store = serviceStore;
        services.sessions = sessionStore;
        localActors.directory = trusts.directory;
        localActors.config = config;
        services.localActors = localActors;
        services.transactions = transactions;

        keyTrialLog.trials = challenges;
        keyTrialLog.challenges = challengeStore;
        keyTrialLog.idCerts = idCertStore;
        keyTrialLog.store = keyTrialStore;
        keyTrialLog.sessions = sessionStore;
        keyTrialLog.localActors = localActors;
        keyTrialLog.transactions = transactions;
        keyTrialLog.clock = clock;
        services.config = config;
    }

    /** Another node of this server: its own copy of the server key, over the same custody and events. */
    ServerKeys anotherNode() {
        return node(new ServerKeys(), serverKeys.expiry);
    }

    private ServerKeys node(ServerKeys node, ServerCertExpiry expiry) {
        node.custody = custody;
        node.config = config;
        node.secrets = secrets;
        node.clock = clock;
        node.notifications = notifications;
        node.expiry = expiry;
        node.transactions = transactions;
        node.ensureKey();
        return node;
    }

    // ---- time

    Instant now() {
        return now;
    }

    void at(Instant t) {
        now = t;
        clock.use(Clock.fixed(t, ZoneOffset.UTC));
    }

    void advance(Duration d) {
        at(now.plus(d));
    }

    // ---- actors, certificates, identify

    static FederationId fid(String localName) {
        return new FederationId(localName, DOMAIN);
    }

    /** An actor's key and the ID-Cert (and session token) this server issued for one of its session IDs. */
    record Issued(TestActor key, FederationId fid, String sessionId, IssuedIdCertRepresentation answer) {
        byte[] certDer() {
            return PemCodec.decode(answer.idCert()).orElseThrow();
        }

        String token() {
            return answer.token();
        }
    }

    /** Registers {@code localName} without password if needed and issues it an ID-Cert for {@code sessionId}. */
    Issued issue(String localName, String sessionId) {
        return issue(localName, sessionId, TestActor.generate());
    }

    Issued issue(String localName, String sessionId, TestActor key) {
        FederationId fid = fid(localName);
        if (actorStore.find(fid).isEmpty()) {
            actorStore.create(new ActorRecord(fid, Optional.empty(), now));
        }
        ParsedCsr csr = ParsedCsr.parse(key.csrDer(TestActor.subject(localName, DOMAIN, sessionId)))
                .requireActor(fid);
        return new Issued(key, fid, sessionId, issuance.issue(fid, csr));
    }

    String challenge() {
        return challenges.issue().value();
    }

    /** A fresh challenge, signed by {@code key}, presented with {@code certDer} from {@link #CLIENT}. */
    SessionTokenRepresentation identify(TestActor key, byte[] certDer) {
        String challenge = challenge();
        return identify(challenge, key.sign(bytes(challenge)), certDer);
    }

    SessionTokenRepresentation identify(String challenge, byte[] signature, byte[] certDer) {
        return identification.identify(challenge, signature, certDer, JsonValue.EMPTY_JSON_OBJECT, CLIENT);
    }

    static byte[] bytes(String challenge) {
        return challenge.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A federation client for a world where no other home server answers. */
    static FederationClient unreachable() {
        return new FederationClient() {
            @Override
            public FetchedCertificates serverCertificate(String domain) {
                throw FederationClient.notFederated();
            }

            @Override
            public List<String> actorCertificates(FederationId fid) {
                throw FederationClient.notFederated();
            }

            @Override
            public Duration deadline() {
                return Duration.ofSeconds(1);
            }
        };
    }

    // ---- the two stores the api test-jar has no in-memory version of

    /** Actors in a map; {@code create} of an existing FID fails as a unique constraint would. */
    static final class InMemoryActorStore implements ActorStore {

        private final Map<FederationId, ActorRecord> actors = new ConcurrentHashMap<>();

        @Override
        public void create(ActorRecord actor) {
            if (actors.putIfAbsent(actor.fid(), actor) != null) {
                throw new StorageConflictException("actor " + actor.fid() + " exists", null);
            }
        }

        @Override
        public Optional<ActorRecord> find(FederationId fid) {
            return Optional.ofNullable(actors.get(fid));
        }
    }

    /** The test kit's custody, whose reads fail as a custody's whose database is down while {@link #down} is set. */
    static final class CustodyWithOutage extends InMemoryServerKeyCustody {

        volatile boolean down;

        @Override
        public synchronized Optional<ServerSigningKey> current() {
            failIfDown();
            return super.current();
        }

        @Override
        public synchronized List<ServerKey> history() {
            failIfDown();
            return super.history();
        }

        private void failIfDown() {
            if (down) {
                throw new org.polyproto.jakarta.spi.storage.StorageUnavailableException("down", null);
            }
        }
    }
}
