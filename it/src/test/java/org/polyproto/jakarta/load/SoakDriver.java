package org.polyproto.jakarta.load;

import static org.polyproto.jakarta.load.LoadDriver.JSON;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.polyproto.jakarta.testing.TestActor;

/**
 * Reliability case 32, the soak: identifies at a fixed rate for a number of minutes, plus slow clients that send
 * an identify body one byte per second, against a running example server. Every sample period it prints the
 * window's p50/p99 and failures, the server process's RSS, threads and open file descriptors, and how many slow
 * connections the server has cut off.
 * <p>
 * Arguments: JAX-RS root URL, minutes, identifies per second, slow clients, server process id, sample seconds.
 */
public final class SoakDriver {

    private static final int WORKERS = 16;

    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong cutOff = new AtomicLong();

    private SoakDriver(URI api) {
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        SoakDriver soak = new SoakDriver(URI.create(args[0]));
        soak.run(Duration.ofMinutes(Long.parseLong(args[1])), Double.parseDouble(args[2]), Integer.parseInt(args[3]),
                Long.parseLong(args[4]), Duration.ofSeconds(Long.parseLong(args[5])));
    }

    private void run(Duration length, double perSecond, int slowClients, long serverPid, Duration sample)
            throws Exception {
        String domain = "localhost";
        List<Thread> threads = new ArrayList<>();
        long end = System.nanoTime() + length.toNanos();
        long interval = (long) (WORKERS * 1e9 / perSecond);
        for (int w = 0; w < WORKERS; w++) {
            Member member = member(domain, "soak-" + UUID.randomUUID().toString().substring(0, 8));
            threads.add(daemon(() -> paced(member, interval, end)));
        }
        for (int s = 0; s < slowClients; s++) {
            threads.add(daemon(() -> dribble(end)));
        }
        System.out.printf(Locale.ROOT, "%8s %9s %9s %9s %9s %9s %7s %7s %8s%n", "minute", "req/s", "p50 ms",
                "p99 ms", "failures", "RSS MB", "threads", "FDs", "cut off");
        long started = System.nanoTime();
        while (System.nanoTime() < end) {
            Thread.sleep(sample.toMillis());
            List<Long> window = new ArrayList<>();
            for (Long l = latencies.poll(); l != null; l = latencies.poll()) {
                window.add(l);
            }
            window.sort(null);
            System.out.printf(Locale.ROOT, "%8.1f %9.0f %9.2f %9.2f %9d %9d %7d %7d %8d%n",
                    (System.nanoTime() - started) / 60e9, window.size() / (double) sample.toSeconds(),
                    percentile(window, 0.50), percentile(window, 0.99), failures.getAndSet(0),
                    status(serverPid, "VmRSS:") / 1024, status(serverPid, "Threads:"), fds(serverPid), cutOff.get());
        }
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(90).toMillis());
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void paced(Member member, long intervalNanos, long end) {
        long next = System.nanoTime();
        while (next < end) {
            long t0 = System.nanoTime();
            try {
                if (identify(member) != 201) {
                    failures.incrementAndGet();
                }
            } catch (Exception e) {
                failures.incrementAndGet();
            }
            latencies.add(System.nanoTime() - t0);
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }
    }

    /** Sends an identify request whose body comes one byte per second until the server hangs up. */
    private void dribble(long end) {
        while (System.nanoTime() < end) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", api.getPort()), 5_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + api.getPath() + "p2core/session/identify HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                socket.setSoTimeout(1_000);
                while (System.nanoTime() < end) {
                    out.write('{');
                    out.flush();
                    try {
                        in.read();
                        break;
                    } catch (java.net.SocketTimeoutException stillOpen) {
                        // the server is still waiting for the body
                    }
                }
                if (System.nanoTime() < end) {
                    cutOff.incrementAndGet();
                }
            } catch (IOException closed) {
                if (System.nanoTime() < end) {
                    cutOff.incrementAndGet();
                }
            }
        }
    }

    private int identify(Member member) throws Exception {
        String challenge = json(send(HttpRequest.newBuilder(api.resolve("p2core/challenge")).GET()).body())
                .getString("challenge");
        String body = JSON.createObjectBuilder().add("completed_challenge", JSON.createObjectBuilder()
                .add("challenge", challenge).add("signature", member.key.signChallenge(challenge)))
                .add("id_cert", member.cert).build().toString();
        return send(HttpRequest.newBuilder(api.resolve("p2core/session/identify"))
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    private Member member(String domain, String name) throws Exception {
        send(HttpRequest.newBuilder(api.resolve("p2core/register")).POST(HttpRequest.BodyPublishers.ofString(
                "{\"actor_name\":\"" + name + "\",\"password\":\"soak test password\"}")));
        TestActor key = TestActor.generate();
        JsonObject trust = json(send(HttpRequest.newBuilder(api.resolve("p2core/session/trust"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectBuilder().add("actor_name", name)
                        .add("password", "soak test password").add("csr", key.csrPem(name, domain, "soak")).build()
                        .toString()))).body());
        return new Member(key, trust.getString("id_cert"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    private static long fds(long pid) throws IOException {
        try (var files = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return files.count();
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1e6;
    }

    private static JsonObject json(String body) {
        return JSON.createReader(new StringReader(body)).readObject();
    }

    private record Member(TestActor key, String cert) {
    }
}
