package org.polyproto.jakarta.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.spi.storage.ClaimedKeyPackage;
import org.polyproto.jakarta.spi.storage.ClientId;
import org.polyproto.jakarta.spi.storage.Session;
import org.polyproto.jakarta.testing.TestActor;
import org.polyproto.jakarta.testing.TestKeyPackage;

/** Upload, hand-out, expiry and key rotation of checked KeyPackages, over the in-memory stores. */
class KeyPackagesTest {

    private final ServiceFixture f = new ServiceFixture();
    private final ServiceFixture.Issued alice = f.issue("alice", "laptop");
    private final Session session = f.sessions.authenticate(alice.token());
    private final ClientId client = ClientId.of(session);

    private TestKeyPackage valid() {
        return of(alice);
    }

    /** A valid package of {@code actor} at the fixture's time. */
    private TestKeyPackage of(ServiceFixture.Issued actor) {
        long now = f.now().getEpochSecond();
        return TestKeyPackage.of(actor.key(), actor.fid().toString()).lifetime(now - 60, now + 86_400);
    }

    @Test
    void aRefusedUploadStoresNothingAndNamesThePackage() {
        PolyprotoException refused = assertThrows(PolyprotoException.class, () -> f.keyPackages.upload(session,
                List.of(valid().base64(), valid().leafSignedBy(TestActor.generate()).base64())));
        assertEquals("P2CORE_KEYPACKAGE_INVALID", refused.code());
        assertEquals(400, refused.status());
        assertEquals("KeyPackage 1 is refused: its LeafNode signature does not verify.", refused.getMessage());
        assertEquals(0, f.keyPackageStore.countRegular(client));
    }

    @Test
    void anInitKeySeenBeforeIsRefusedFromAnyClient() {
        TestKeyPackage first = valid();
        f.keyPackages.upload(session, List.of(first.base64()));
        assertEquals("KeyPackage 0 is refused: its init_key was uploaded before.", assertThrows(
                PolyprotoException.class, () -> f.keyPackages.upload(session, List.of(valid().initKey(
                        first.initKey()).base64()))).getMessage());

        ServiceFixture.Issued bob = f.issue("bob", "phone");
        Session bobs = f.sessions.authenticate(bob.token());
        String reused = of(bob).initKey(first.initKey()).base64();
        String reusedAsLastResort = of(bob).initKey(first.initKey()).lastResort().base64();
        assertEquals("P2CORE_KEYPACKAGE_INVALID", assertThrows(PolyprotoException.class,
                () -> f.keyPackages.upload(bobs, List.of(reused))).code());
        assertEquals("P2CORE_KEYPACKAGE_INVALID", assertThrows(PolyprotoException.class,
                () -> f.keyPackages.putLastResort(bobs, reusedAsLastResort)).code(), "also as a last-resort package");

        byte[] twice = valid().initKey();
        assertEquals("KeyPackage 1 is refused: its init_key was uploaded before.", assertThrows(
                PolyprotoException.class, () -> f.keyPackages.upload(session, List.of(valid().initKey(twice)
                        .base64(), valid().initKey(twice).base64()))).getMessage(), "twice in one upload");
        assertEquals(1, f.keyPackageStore.countRegular(client));
    }

    @Test
    void aLastResortPackageGoesOnlyToItsOwnRoute() {
        assertEquals("KeyPackage 0 is refused: it carries the last_resort extension; upload it as the last-resort "
                + "package.", assertThrows(PolyprotoException.class, () -> f.keyPackages.upload(session,
                List.of(valid().lastResort().base64()))).getMessage());
        assertEquals("KeyPackage 0 is refused: a last-resort package must carry the last_resort extension.",
                assertThrows(PolyprotoException.class, () -> f.keyPackages.putLastResort(session, valid().base64()))
                        .getMessage());
        f.keyPackages.putLastResort(session, valid().lastResort().base64());
        assertTrue(f.keyPackageStore.claim(client, f.now()).orElseThrow().lastResort());
    }

    @Test
    void expiredPackagesAreNeverHandedOutAndHousekeepingRemovesThem() {
        long now = f.now().getEpochSecond();
        f.keyPackages.upload(session, List.of(valid().lifetime(now - 60, now + 3600).base64(),
                valid().lifetime(now - 60, now + 7200).base64()));
        f.advance(Duration.ofMinutes(90));

        List<ClaimedKeyPackage> claimed = f.keyPackages.fetch(alice.fid(), alice.fid().toString());
        assertEquals(1, claimed.size());
        assertEquals(0, claimed.get(0).regularRemaining(), "the expired one is not counted as handed out");
        f.advance(Duration.ofHours(2));
        assertEquals(List.of(), f.keyPackages.fetch(alice.fid(), alice.fid().toString()));
        f.housekeeping.sweep();
        assertEquals(0, f.keyPackageStore.countRegular(client));
    }

    @Test
    void aNewIdCertDropsThePackagesOfTheOldKeyAndAsksForNewOnes() {
        f.keyPackages.upload(session, List.of(valid().base64(), valid().base64()));
        f.keyPackages.putLastResort(session, valid().lastResort().base64());
        f.eventQueue.drain(client);

        TestActor newKey = TestActor.generate();
        f.issuance.rotate(session, ParsedCsr.parse(newKey.csrDer(TestActor.subject("alice", ServiceFixture.DOMAIN,
                "laptop"))).requireActor(alice.fid()));

        assertEquals(0, f.keyPackageStore.countRegular(client));
        assertEquals(List.of(), f.keyPackages.fetch(alice.fid(), alice.fid().toString()), "the last resort too");
        assertTrue(f.eventQueue.drain(client).stream().anyMatch(q -> q.event().type().equals("LOW_KEY_PACKAGES")
                && q.event().data().getInt("remaining") == 0));
    }

    @Test
    void aForeignSessionKeepsNoPackagesHere() {
        Session foreign = new Session("f".repeat(64), FederationId.parse("eve@other.example"), "s1", BigInteger.ONE,
                session.certPem(), f.now(), f.now().plusSeconds(60));
        assertEquals("P2CORE_FORBIDDEN", assertThrows(PolyprotoException.class,
                () -> f.keyPackages.upload(foreign, List.of(valid().base64()))).code());
    }
}
