package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.it.host.VaultKeyCustody;
import org.polyproto.jakarta.spi.storage.memory.InMemoryServerKeyCustody;

/**
 * A host that brings its own key custody: identify of a home actor asks the host's custody whether the ID-Cert's
 * signer is in force. The module's joined lookup, which would look for that key in {@code p2_server_key}, stepped
 * aside with the module's custody; had it stayed, it would refuse every home actor here.
 */
class HostKeyCustodyIT extends DeployedHostTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("custody-it", VaultKeyCustody.class, InMemoryServerKeyCustody.class);
    }

    @Test
    void homeActorsIdentifyUnderTheHostsKeyAndItsRotationRetiresTheirCertificates() {
        int keysInTheModulesTable = flows.counts().getInt("p2_server_key");
        Flows.Member member = flows.member(Flows.uniqueName("vault"), "s1");
        Http.Reply identified = flows.identify(member);
        assertEquals(201, identified.status(), identified::toString);

        Flows.Member admin = flows.administrator();
        String before = http.get("p2core/key/server").string();
        Http.Reply rotated = http.put("p2core/key/server", null, admin.token());
        assertEquals(200, rotated.status(), rotated::toString);
        assertNotEquals(before, rotated.string());

        assertError(flows.identify(member), 401, "P2CORE_IDCERT_INVALID");
        Flows.Member next = flows.member(Flows.uniqueName("vault-next"), "s1");
        assertEquals(201, flows.identify(next).status());
        assertEquals(keysInTheModulesTable, flows.counts().getInt("p2_server_key"),
                "no key went to the module's table");
    }
}
