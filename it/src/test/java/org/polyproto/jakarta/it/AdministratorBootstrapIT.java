package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polyproto.jakarta.testing.TestActor;

/**
 * Security review M3: a configured administrator cannot be claimed through open registration; it is created once
 * from the bootstrap password, and a later start with another bootstrap password changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdministratorBootstrapIT {

    static final String BOSS = Flows.uniqueName("boss");
    static final String FIRST_PASSWORD = "first bootstrap " + BOSS;
    static final String SECOND_PASSWORD = "second bootstrap " + BOSS;

    @Deployment(name = "first", testable = false, order = 1)
    static WebArchive first() {
        return HostWar.create("admin-first-it", Map.of("polyproto.admins", BOSS + "@" + Flows.DOMAIN,
                "polyproto.admin.bootstrap-password-file", passwordFile("first", FIRST_PASSWORD)));
    }

    @Deployment(name = "second", testable = false, order = 2)
    static WebArchive second() {
        return HostWar.create("admin-second-it", Map.of("polyproto.admins", BOSS + "@" + Flows.DOMAIN,
                "polyproto.admin.bootstrap-password-file", passwordFile("second", SECOND_PASSWORD)));
    }

    @ArquillianResource
    @OperateOnDeployment("first")
    URL firstUrl;

    @ArquillianResource
    @OperateOnDeployment("second")
    URL secondUrl;

    @Test
    void anAdministratorIsCreatedOnceFromTheBootstrapAndCannotBeRegistered() {
        Http first = new Http(firstUrl);
        Http second = new Http(secondUrl);
        for (Http server : new Http[] {first, second}) {
            assertError(server.post("p2core/register", "{\"actor_name\":\"" + BOSS + "\",\"password\":\"mine mine "
                    + "mine\"}"), 409, "P2CORE_FEDERATION_ID_TAKEN");
        }
        assertEquals(201, trust(first, FIRST_PASSWORD).status());
        assertEquals(201, trust(second, FIRST_PASSWORD).status(), "the second start kept the first password");
        assertError(trust(second, SECOND_PASSWORD), 401, "P2CORE_INVALID_CREDENTIALS");
        assertError(trust(first, "mine mine mine"), 401, "P2CORE_INVALID_CREDENTIALS");
    }

    private static Http.Reply trust(Http server, String password) {
        TestActor key = TestActor.generate();
        return new Flows(server).trustReply(BOSS, key.csrPem(BOSS, Flows.DOMAIN, Flows.uniqueName("s")), password);
    }

    private static String passwordFile(String name, String password) {
        try {
            Path file = Files.createTempFile("polyproto-admin-" + name, ".txt");
            Files.writeString(file, password + "\n");
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
