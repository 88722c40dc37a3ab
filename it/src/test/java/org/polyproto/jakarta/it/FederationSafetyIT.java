package org.polyproto.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyproto.jakarta.it.IdentityRoutes.assertError;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polyproto.jakarta.testing.TestActor;

/**
 * A server on the open internet (security review H1, M1, L3): identify may name any home server, so federation
 * must never reach a private address by default, and a home server that never answers must not starve anyone else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FederationSafetyIT {

    static final int READ_TIMEOUT_SECONDS = 6;
    static final int PER_DOMAIN = 4;
    static final Listener LOOPBACK_443 = Listener.on(443, false);
    static final Listener MAPPED = Listener.on(0, false);
    static final Listener TARPIT = Listener.on(0, true);

    @Deployment(name = "guarded", testable = false, order = 1)
    static WebArchive guarded() {
        return HostWar.create("guarded-it", Map.of("polyproto.domain", "guarded.test",
                "polyproto.federation.allow-private", "false",
                "polyproto.federation.resolve.internal.test", "http://127.0.0.1:" + MAPPED.port() + "/"));
    }

    @Deployment(name = "tarpitted", testable = false, order = 2)
    static WebArchive tarpitted() {
        return HostWar.create("tarpit-it", Map.of(
                "polyproto.federation.resolve.tarpit.test", "http://127.0.0.1:" + TARPIT.port() + "/",
                "polyproto.federation.read-timeout", Integer.toString(READ_TIMEOUT_SECONDS),
                "polyproto.federation.max-concurrent-per-domain", Integer.toString(PER_DOMAIN)),
                TestActor.class);
    }

    @ArquillianResource
    @OperateOnDeployment("guarded")
    URL guardedUrl;

    @ArquillianResource
    @OperateOnDeployment("tarpitted")
    URL tarpittedUrl;

    @AfterAll
    static void closeListeners() {
        LOOPBACK_443.close();
        MAPPED.close();
        TARPIT.close();
    }

    @Test
    void homeServersOnPrivateAddressesAreNeverContacted() {
        Http guarded = new Http(guardedUrl);
        for (String domain : new String[] {"127.0.0.1", "2130706433", "0", "127.1", "localhost", "-a", "a-",
                "1.2.3.4.5", "internal.test"}) {
            Http.Reply reply = FederationIT.identify(guarded, domain);
            assertError(reply, 404, "P2CORE_NOT_FEDERATED");
            assertEquals("The home server of this actor cannot be used.", reply.object().getString("message"),
                    "the client is not told what the network answered");
        }
        assertEquals(0, LOOPBACK_443.accepted(), "nothing connected to 127.0.0.1:443");
        assertEquals(0, MAPPED.accepted(), "a configured mapping to loopback is refused by its address");
    }

    @Test
    void aHomeServerThatNeverAnswersStarvesNobody() throws Exception {
        Http server = new Http(tarpittedUrl);
        Flows flows = new Flows(server);
        Flows.Member resident = flows.member(Flows.uniqueName("resident"), "s1");
        ExecutorService attackers = Executors.newFixedThreadPool(30);
        long start = System.nanoTime();
        try {
            List<Future<Http.Reply>> attacks = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                attacks.add(attackers.submit(() -> FederationIT.identify(server, "tarpit.test")));
            }
            Thread.sleep(1_000);
            within("register", () -> flows.register(Flows.uniqueName("bystander")));
            within("challenge", flows::challenge);
            within("trust", () -> flows.session(resident.name(), "s2"));
            within("home identify", () -> {
                Http.Reply reply = flows.identify(resident);
                assertEquals(201, reply.status(), reply::toString);
                return reply;
            });
            within("key/actor", () -> {
                Http.Reply reply = server.get("p2core/key/actor/" + resident.fid());
                assertEquals(200, reply.status(), reply::toString);
                return reply;
            });
            for (Future<Http.Reply> attack : attacks) {
                assertError(attack.get(READ_TIMEOUT_SECONDS + 10, TimeUnit.SECONDS), 404, "P2CORE_NOT_FEDERATED");
            }
        } finally {
            attackers.shutdownNow();
        }
        Duration all = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(all.compareTo(Duration.ofSeconds(READ_TIMEOUT_SECONDS + 8)) < 0, "the attack took " + all);
        assertTrue(TARPIT.accepted() <= PER_DOMAIN, "fetches from one domain at once: " + TARPIT.accepted());
    }

    /** The step answers within its usual latency, far below the pool's 3 s wait and the tarpit's 6 s. */
    private static <T> T within(String step, Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofMillis(2_500)) < 0, step + " took " + took);
        return result;
    }

    /** A loopback listener that counts connections; a tarpit keeps them open and never answers. */
    record Listener(ServerSocket socket, AtomicInteger count, List<Socket> held) {

        static Listener on(int port, boolean tarpit) {
            try {
                ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
                Listener listener = new Listener(socket, new AtomicInteger(), new java.util.concurrent.CopyOnWriteArrayList<>());
                Thread acceptor = new Thread(() -> {
                    while (!socket.isClosed()) {
                        try {
                            Socket accepted = socket.accept();
                            listener.count.incrementAndGet();
                            if (tarpit) {
                                listener.held.add(accepted);
                            } else {
                                accepted.close();
                            }
                        } catch (IOException closed) {
                            return;
                        }
                    }
                }, "test-listener-" + socket.getLocalPort());
                acceptor.setDaemon(true);
                acceptor.start();
                return listener;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return count.get();
        }

        void close() {
            try {
                socket.close();
                for (Socket s : held) {
                    s.close();
                }
            } catch (IOException ignored) {
                // the test is over
            }
        }
    }
}
