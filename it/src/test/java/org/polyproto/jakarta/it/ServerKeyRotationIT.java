package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;
import static org.polyproto.jakarta.it.IdentityRoutes.x509;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Rotating the server key: history by timestamp, and ID-Certs of the old key no longer trusted. */
class ServerKeyRotationIT extends DeployedHostTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("rotation-it");
    }

    @Test
    void case09_rotationKeepsHistoryAndRetiresTheOldKeysCertificates() throws Exception {
        Flows.Member oldMember = flows.member(Flows.uniqueName("old"), "s1");
        Flows.Member remembered = flows.member(Flows.uniqueName("remembered"), "s1");
        assertEquals(201, flows.identify(remembered).status(), "its certificate's signature is now remembered");
        Flows.Member admin = flows.administrator();
        String oldPem = http.get("p2core/key/server").string();
        long oldNotBefore = x509(oldPem).getNotBefore().getTime() / 1000;
        int keysBefore = flows.counts().getInt("p2_server_key");
        flows.events(oldMember.token());
        flows.events(admin.token());
        jakarta.json.JsonObject before = flows.counts();

        Http.Reply rotated = http.put("p2core/key/server", null, admin.token());
        assertEquals(200, rotated.status(), rotated::toString);
        String newPem = rotated.string();
        assertNotEquals(oldPem, newPem);
        assertEquals(newPem, http.get("p2core/key/server").string());
        assertEquals(oldPem, http.get("p2core/key/server?timestamp=" + oldNotBefore).string());
        jakarta.json.JsonObject after = flows.counts();
        assertEquals(keysBefore + 1, after.getInt("p2_server_key"));
        assertEquals(before.getInt("p2_broadcast") + 1, after.getInt("p2_broadcast"), "SERVER_KEY_CHANGE stored once");
        assertEquals(before.getInt("p2_event"), after.getInt("p2_event"), "and not once per session");
        for (Flows.Member member : new Flows.Member[] {oldMember, admin}) {
            java.util.List<jakarta.json.JsonObject> events = flows.events(member.token());
            assertEquals(1, events.size(), events::toString);
            assertEquals("SERVER_KEY_CHANGE", events.get(0).getString("t"));
            assertEquals(6, events.get(0).getInt("op"));
            assertEquals(newPem, events.get(0).getJsonObject("d").getString("cert"));
            long invalidSince = events.get(0).getJsonObject("d").getJsonNumber("oldInvalidSince").longValue();
            Within.assertWithin(java.time.Instant.now().getEpochSecond(), invalidSince, 30, "oldInvalidSince");
        }

        assertError(flows.identify(oldMember), 401, "P2CORE_IDCERT_INVALID");
        assertError(flows.identify(remembered), 401, "P2CORE_IDCERT_INVALID");
        Flows.Member newMember = flows.member(Flows.uniqueName("new"), "s1");
        assertEquals(201, flows.identify(newMember).status());

        Http.Reply byPost = http.post("p2core/key/server", "", admin.token());
        assertEquals(200, byPost.status(), byPost::toString);
        assertEquals(keysBefore + 2, flows.counts().getInt("p2_server_key"));
    }
}
