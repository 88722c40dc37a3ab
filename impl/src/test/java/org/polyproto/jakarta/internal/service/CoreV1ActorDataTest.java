package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.spi.storage.CompletedKeyTrial;
import org.polyproto.jakarta.spi.storage.DiscoverableService;
import org.polyproto.jakarta.spi.storage.EncryptedKeyMaterial;

/** polyproto-auth's login grants, encrypted key material and discoverable services, over the in-memory stores. */
class CoreV1ActorDataTest {

    private static final String PASSWORD = "correct horse battery";
    private final ServiceFixture f = new ServiceFixture(Map.of("polyproto.auth.grant-validity", "PT2M",
            "polyproto.keymaterial.max-bytes-per-actor", "100", "polyproto.services.max-per-actor", "3"));
    private final FederationId alice = ServiceFixture.fid("alice");

    @Test
    void aLoginGrantNamesItsActorUntilItExpiresOrTheServerKeyRotates() {
        f.registrations.register("alice", Optional.of(PASSWORD), JsonValue.EMPTY_JSON_OBJECT);
        String grant = f.grants.issue(f.trusts.login("alice", PASSWORD));

        assertEquals(Optional.of(alice), f.grants.verify(grant));
        String other = f.grants.issue(ServiceFixture.fid("bob"));
        String swapped = grant.substring(0, grant.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
        assertEquals(Optional.empty(), f.grants.verify(swapped), "another grant's MAC");
        assertEquals(Optional.empty(), f.grants.verify(grant.replace("p2g1.", "p2g1.Y")), "altered actor");
        assertEquals(Optional.empty(), f.grants.verify("p2g1.x"));
        assertEquals(Optional.empty(), f.grants.verify(null));

        f.advance(Duration.ofSeconds(119));
        assertEquals(Optional.of(alice), f.grants.verify(grant));
        f.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), f.grants.verify(grant), "expired");

        String fresh = f.grants.issue(alice);
        f.serverKeys.rotate();
        assertEquals(Optional.empty(), f.grants.verify(fresh), "a rotation ends every grant");
    }

    @Test
    void loginRefusesAWrongPasswordAndANameThatIsNoActorAlike() {
        f.registrations.register("alice", Optional.of(PASSWORD), JsonValue.EMPTY_JSON_OBJECT);

        String wrong = code(() -> f.trusts.login("alice", "not the password"));
        assertEquals(wrong, code(() -> f.trusts.login("nobody", PASSWORD)));
        assertEquals("P2CORE_INVALID_CREDENTIALS", wrong);
    }

    @Test
    void keyMaterialIsKeptWholeOrNotAtAllWithinTheActorsCap() {
        f.keyMaterials.upload(alice, List.of(item(1, 40), item(2, 40)));

        assertEquals("P2CORE_PAYLOAD_TOO_LARGE", code(() -> f.keyMaterials.upload(alice, List.of(item(3, 21)))));
        assertEquals("P2CORE_DUPLICATE", code(() -> f.keyMaterials.upload(alice, List.of(item(4, 5), item(2, 5)))));
        assertEquals("P2CORE_DUPLICATE", code(() -> f.keyMaterials.upload(alice, List.of(item(5, 1), item(5, 1)))));
        assertEquals(List.of(BigInteger.ONE, BigInteger.TWO), serials(f.keyMaterials.find(alice, Set.of())),
                "no refused upload stored anything");

        f.keyMaterials.upload(alice, List.of(item(3, 20)));
        assertEquals(List.of(BigInteger.TWO), serials(f.keyMaterials.find(alice, Set.of(BigInteger.TWO))));
        assertEquals(2, f.keyMaterials.delete(alice, Set.of(BigInteger.ONE, BigInteger.TWO, BigInteger.TEN)));
        assertEquals(List.of(BigInteger.valueOf(3)), serials(f.keyMaterials.find(alice, Set.of())));
        assertEquals("P2CORE_FORBIDDEN", code(() -> f.keyMaterials.upload(FederationId.parse("eve@other.example"),
                List.of(item(1, 1)))), "a foreign actor keeps nothing here");
    }

    @Test
    void servicesHaveOnePrimaryPerName() {
        DiscoverableService chatA = service("polyproto-chat", "https://a.example/", false);
        DiscoverableService chatB = service("polyproto-chat", "https://b.example/", false);

        assertEquals(List.of(chatA.withPrimary(true)), f.services.add(alice, chatA), "the first of a name");
        assertEquals(List.of(chatB), f.services.add(alice, chatB));
        assertEquals("P2CORE_DUPLICATE", code(() -> f.services.add(alice, chatB.withPrimary(true))));

        assertEquals(List.of(chatB.withPrimary(true), chatA), f.services.makePrimary(alice, chatB.name(),
                chatB.url()));
        DiscoverableServices.Deleted deleted = f.services.delete(alice, chatB.name(), chatB.url());
        assertEquals(chatB.withPrimary(true), deleted.deleted());
        assertEquals(Optional.of(chatA.withPrimary(true)), deleted.newPrimary(), "the next of its name");
        assertEquals("P2CORE_NOT_FOUND", code(() -> f.services.delete(alice, chatB.name(), chatB.url())));

        DiscoverableService chatC = service("polyproto-chat", "https://c.example/", true);
        assertEquals(List.of(chatC, chatA), f.services.add(alice, chatC), "a new primary demotes the old one");
    }

    @Test
    void discoveryGivesPrimaryFirstAndLimitsPerName() {
        f.issue("alice", "phone");
        f.services.add(alice, service("polyproto-chat", "https://a.example/", false));
        f.services.add(alice, service("polyproto-chat", "https://b.example/", true));
        f.services.add(alice, service("polyproto-cat", "https://c.example/", false));

        assertEquals(List.of("https://c.example/", "https://b.example/", "https://a.example/"),
                urls(f.services.discover(alice, Optional.empty(), OptionalInt.empty())));
        assertEquals(List.of("https://c.example/", "https://b.example/"),
                urls(f.services.discover(alice, Optional.empty(), OptionalInt.of(1))), "the primary of each");
        assertEquals(List.of("https://b.example/", "https://a.example/"),
                urls(f.services.discover(alice, Optional.of("polyproto-chat"), OptionalInt.empty())));
        assertEquals("P2CORE_BAD_REQUEST", code(() -> f.services.add(alice,
                service("other", "https://d.example/", false))), "over the cap of 3");
        assertEquals("P2CORE_ACTOR_NOT_FOUND", code(() -> f.services.discover(ServiceFixture.fid("nobody"),
                Optional.empty(), OptionalInt.empty())));
    }

    @Test
    void aKeyTrialCompletedWithAnIdCertsKeyIsLoggedAndReadableOnceItExpired() {
        ServiceFixture.Issued phone = f.issue("alice", "phone");
        BigInteger serial = ParsedIdCert.parse(phone.certDer()).serial();
        String trial = f.challenge();
        String bad = f.challenge();

        assertEquals("P2CORE_SIGNATURE_INVALID", code(() -> f.keyTrialLog.complete(alice, bad,
                phone.key().sign(ServiceFixture.bytes(trial)), serial)));
        assertEquals("P2CORE_CHALLENGE_INVALID", code(() -> f.keyTrialLog.complete(alice, bad,
                phone.key().sign(ServiceFixture.bytes(bad)), serial)), "a refused completion used up its trial");
        assertEquals("P2CORE_IDCERT_INVALID", code(() -> f.keyTrialLog.complete(alice, f.challenge(),
                new byte[64], serial.add(BigInteger.ONE))));

        CompletedKeyTrial done = f.keyTrialLog.complete(alice, trial, phone.key().sign(ServiceFixture.bytes(trial)),
                serial);
        assertEquals("P2CORE_CHALLENGE_INVALID", code(() -> f.keyTrialLog.complete(alice, trial,
                phone.key().sign(ServiceFixture.bytes(trial)), serial)), "once only");
        assertEquals(List.of(), f.keyTrialLog.completed(alice, Optional.empty(), Optional.empty(), Optional.empty(),
                0), "not before the trial expired");
        f.advance(Duration.ofMinutes(6));
        assertEquals(List.of(done), f.keyTrialLog.completed(alice, Optional.empty(), Optional.empty(),
                Optional.empty(), 0));
        assertEquals(List.of(), f.keyTrialLog.completed(alice, Optional.of(bad), Optional.empty(), Optional.empty(),
                0));
        assertEquals("P2CORE_ACTOR_NOT_FOUND", code(() -> f.keyTrialLog.completed(ServiceFixture.fid("nobody"),
                Optional.empty(), Optional.empty(), Optional.empty(), 0)));
    }

    @Test
    void theKeyTrialLogKeepsTheNewestHundredPerActor() {
        ServiceFixture.Issued phone = f.issue("alice", "phone");
        BigInteger serial = ParsedIdCert.parse(phone.certDer()).serial();
        for (int i = 0; i < KeyTrialLog.KEPT_PER_ACTOR + 5; i++) {
            String trial = f.challenge();
            f.keyTrialLog.complete(alice, trial, phone.key().sign(ServiceFixture.bytes(trial)), serial);
            f.advance(Duration.ofSeconds(1));
        }
        f.advance(Duration.ofMinutes(6));
        assertEquals(KeyTrialLog.KEPT_PER_ACTOR, f.keyTrialLog.completed(alice, Optional.empty(), Optional.empty(),
                Optional.empty(), 0).size());
        assertEquals(KeyTrialLog.KEPT_PER_ACTOR, f.keyTrialStore.find(alice, Optional.empty(), f.now(),
                java.time.Instant.EPOCH, f.now(), 1000).size(), "the five oldest are gone from the store");
    }

    private static EncryptedKeyMaterial item(long serial, int length) {
        return new EncryptedKeyMaterial(BigInteger.valueOf(serial), "k".repeat(length));
    }

    private static DiscoverableService service(String name, String url, boolean primary) {
        return new DiscoverableService(name, url, primary);
    }

    private static List<BigInteger> serials(List<EncryptedKeyMaterial> items) {
        return items.stream().map(EncryptedKeyMaterial::serial).toList();
    }

    private static List<String> urls(List<DiscoverableService> services) {
        return services.stream().map(DiscoverableService::url).toList();
    }

    private static String code(Executable call) {
        return assertThrows(PolyprotoException.class, call).code();
    }
}
