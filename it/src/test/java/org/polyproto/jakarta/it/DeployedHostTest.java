package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client-side test of one deployed host WAR: its URL, an HTTP client and the protocol steps. After every test
 * the module's pool must be idle again: a connection still in use once every request has been answered is a leak,
 * and would starve the tests after it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedHostTest {

    private static final Pattern IN_USE = Pattern.compile("(?m)^(un)?shared=(\\d+)$");
    private static final long IDLE_WITHIN_MILLIS = 5_000;

    @ArquillianResource
    URL base;

    Http http;
    Flows flows;

    @BeforeEach
    void client() {
        http = new Http(base);
        flows = new Flows(http);
    }

    @AfterEach
    void poolIsIdleAgain() throws InterruptedException {
        if (base != null) {
            awaitIdlePool(http);
        }
    }

    /** Waits until no connection of the module's pool is in use, or fails with Open Liberty's pool dump. */
    static void awaitIdlePool(Http http) throws InterruptedException {
        long deadline = System.nanoTime() + IDLE_WITHIN_MILLIS * 1_000_000;
        String contents;
        do {
            Http.Reply reply = http.get("test-probe/pool-contents");
            if (reply.status() != 200) {
                fail("no pool probe on this deployment: " + reply);
            }
            contents = reply.body();
            if (connectionsInUse(contents) == 0) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        fail("connections still in use " + IDLE_WITHIN_MILLIS + " ms after the test's last answer:\n" + contents);
    }

    /** In-use connections in Open Liberty's pool dump; 0 where the server has none (WildFly). */
    static int connectionsInUse(String poolContents) {
        int inUse = 0;
        Matcher m = IN_USE.matcher(poolContents);
        while (m.find()) {
            inUse += Integer.parseInt(m.group(2));
        }
        return inUse;
    }
}
