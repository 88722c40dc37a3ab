package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.it.host.BossAdministratorPolicy;
import org.polyproto.jakarta.it.host.InvitationRegistrationHandler;
import org.polyproto.jakarta.testing.TestActor;

/**
 * A host that brings its own SPI beans: a plain bean (the module's default steps aside) and an
 * {@code @Alternative @Priority} bean (CDI prefers it). Without the module's veto the plain bean would make the
 * deployment fail as ambiguous.
 */
class SpiOverrideIT extends DeployedHostTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HostWar.create("spi-it", BossAdministratorPolicy.class, InvitationRegistrationHandler.class);
    }

    @Test
    void theAlternativeRegistrationHandlerAddsItsPayloadAndMayVeto() {
        String name = Flows.uniqueName("guest");
        Http.Reply reply = http.post("p2core/register", "{\"actor_name\":\"" + name + "\"}");
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(name + "@" + Flows.DOMAIN, reply.object().getJsonObject("payload").getString("welcome"));

        JsonObject before = flows.counts();
        assertError(http.post("p2core/register", "{\"actor_name\":\"" + Flows.uniqueName("closed") + "\"}"), 403,
                "HOST_REGISTRATION_CLOSED");
        assertEquals(before, flows.counts());
    }

    @Test
    void theAlternativeApprovesPasswordlessTrustByInvitation() {
        String name = Flows.uniqueName("invited");
        assertEquals(201, http.post("p2core/register", "{\"actor_name\":\"" + name + "\"}").status());
        String csr = TestActor.generate().csrPem(name, Flows.DOMAIN, "s1");
        String withoutInvite = Json.createObjectBuilder().add("actor_name", name).add("csr", csr).build().toString();
        assertError(http.post("p2core/session/trust", withoutInvite), 401, "P2CORE_INVALID_CREDENTIALS");
        String invited = Json.createObjectBuilder().add("actor_name", name).add("csr", csr)
                .add("auth_payload", Json.createObjectBuilder().add("invite", "letmein")).build().toString();
        Http.Reply reply = http.post("p2core/session/trust", invited);
        assertEquals(201, reply.status(), reply::toString);
    }

    @Test
    void thePlainAdministratorPolicyReplacesTheConfiguredOne() {
        Flows.Member configuredAdmin = flows.administrator();
        assertError(http.put("p2core/key/server", null, configuredAdmin.token()), 403, "P2CORE_NOT_ADMINISTRATOR");
        String before = http.get("p2core/key/server").string();
        Flows.Member boss = flows.member(Flows.uniqueName("boss"), "s1");
        Http.Reply rotated = http.put("p2core/key/server", null, boss.token());
        assertEquals(200, rotated.status(), rotated::toString);
        assertEquals(rotated.string(), http.get("p2core/key/server").string());
        org.junit.jupiter.api.Assertions.assertNotEquals(before, rotated.string());
    }
}
