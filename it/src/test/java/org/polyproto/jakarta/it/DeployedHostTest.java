package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * and would starve the tests after it. One exception, on H2 only: Open Liberty with H2 now and then strands a
 * connection under concurrent load with no thread, handle or open database transaction (README, "Known"); up to
 * {@value #H2_STRANDED_TOLERATED} of those per run are reported and tolerated.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedHostTest {

    private static final Pattern IN_USE = Pattern.compile("(?m)^(un)?shared=(\\d+)$");
    /** In use by no thread and through no handle: what H2 on Open Liberty strands now and then (README, "Known"). */
    private static final Pattern STRANDED = Pattern.compile(
            "(?m)^ ManagedConnection@(\\w+)=ActiveInUse thread=null( transaction=\\d+ connectionHandles=0)?$");
    /** Stranded connections tolerated per run on H2; a leak in the module's code strands one per request. */
    static final int H2_STRANDED_TOLERATED = 3;
    private static final Set<String> STRANDED_ON_H2 = ConcurrentHashMap.newKeySet();
    private static final long IDLE_WITHIN_MILLIS = 5_000;

    @ArquillianResource
    URL base;

    Http http;
    Flows flows;

    @BeforeEach
    void client() {
        http = client(base);
        flows = new Flows(http);
    }

    /** The client of the deployment at {@code base}; by default under its JAX-RS root {@code api/}. */
    Http client(URL base) {
        return new Http(base);
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
            if (connectionsInUse(contents) == 0 || onlyKnownStranded(contents)) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        if (strandedByH2(contents)) {
            return;
        }
        fail("connections still in use " + IDLE_WITHIN_MILLIS + " ms after the test's last answer:\n" + contents);
    }

    /**
     * On H2 only (PostgreSQL and MariaDB stay strict): whether every connection still in use has the stranded shape
     * and the run has seen at most {@link #H2_STRANDED_TOLERATED} of them.
     */
    private static boolean strandedByH2(String contents) {
        Set<String> stranded = strandedOnH2(contents);
        if (stranded.isEmpty()) {
            return false;
        }
        STRANDED_ON_H2.addAll(stranded);
        System.err.println("H2 stranded pooled connections so far (tolerated up to " + H2_STRANDED_TOLERATED + "): "
                + STRANDED_ON_H2);
        return STRANDED_ON_H2.size() <= H2_STRANDED_TOLERATED;
    }

    /** Whether every connection in use is one stranded before, already reported. */
    private static boolean onlyKnownStranded(String contents) {
        Set<String> stranded = strandedOnH2(contents);
        return !stranded.isEmpty() && STRANDED_ON_H2.containsAll(stranded);
    }

    /** The stranded connections of the dump on H2 if every connection in use is one; else none. */
    private static Set<String> strandedOnH2(String contents) {
        if (!"h2".equals(System.getProperty("polyproto.db", "h2"))) {
            return Set.of();
        }
        Set<String> stranded = new java.util.HashSet<>();
        Matcher m = STRANDED.matcher(contents);
        while (m.find()) {
            stranded.add(m.group(1));
        }
        return stranded.size() == connectionsInUse(contents) ? stranded : Set.of();
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
