package org.polyproto.jakarta.load;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.polyproto.jakarta.testing.TestActor;
import org.polyproto.jakarta.testing.TestKeyPackage;

/**
 * An HTTP load run against a running example server, bounded in time, on loopback: for each route, a number of
 * clients send requests back to back for a fixed time; the table gives requests per second, p50 and p99, and the
 * count of unexpected statuses (a run with any is void). All routes are first run unmeasured for the same time.
 * The last rows compare refusals with the normal path, to show that a taken or unknown name costs the same.
 * <p>
 * Arguments: base URL of the JAX-RS root (default {@code http://localhost:9080/polyproto-example/api/}), seconds per
 * route (default 15), clients (default 8). System properties: {@code load.routes} (comma-separated keys of
 * {@link #ROUTES}, default all), {@code load.label} (a column for the table), {@code load.out} (a TSV file the
 * results are appended to), {@code load.home-port} (the port of the foreign actors' home server, default 9555),
 * {@code load.warmup-passes} (unmeasured passes over all routes before the measured one, default 1: a server on
 * one or two cores needs a minute or more before its compiled code settles), {@code load.settle-passes},
 * {@code load.settle-tolerance}, {@code load.settle-min-seconds} and {@code load.settle-routes} (see {@link #settle};
 * default all routes),
 * {@code load.measure-passes} (measured passes, default 1; each route reports the pass with the median
 * throughput), and {@code load.server-pid}, {@code load.db-user}, {@code load.clk-tck} for the CPU per request
 * ({@link ProcessCpu}). Each client thread keeps one connection ({@link BlockingHttp}).
 */
public final class LoadDriver {

    /** Route keys for {@code -Dload.routes}, in the order they run. */
    static final List<String> ROUTES = List.of("reference", "challenge", "key-actor", "identify", "identify-foreign",
            "keypackage", "register", "register-taken", "trust-wrong-password", "trust-unknown-name");

    /** Looked up once: {@code Json}'s static methods run a {@code ServiceLoader} lookup on every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    private final URI api;
    private final Duration duration;
    private final int clients;
    private final Queue<BlockingHttp> connections = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<BlockingHttp> connection = ThreadLocal.withInitial(this::connect);
    private final ExecutorService clientThreads;

    private LoadDriver(URI api, Duration duration, int clients) {
        this.api = api;
        this.duration = duration;
        this.clients = clients;
        this.clientThreads = Executors.newFixedThreadPool(clients);
    }

    private BlockingHttp connect() {
        BlockingHttp http = new BlockingHttp(api);
        connections.add(http);
        return http;
    }

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args.length > 0 ? args[0] : "http://localhost:9080/polyproto-example/api/");
        Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 15);
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        LoadDriver driver = new LoadDriver(api, duration, clients);
        try {
            driver.run();
        } finally {
            driver.clientThreads.shutdownNow();
            driver.connections.forEach(BlockingHttp::close);
        }
    }

    private void run() throws Exception {
        awaitServer();
        String domain = domainOf();
        Set<String> routes = Set.of(System.getProperty("load.routes", String.join(",", ROUTES)).split(","));
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            members.add(member(domain, "load-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        Member fetcher = member(domain, "fetcher-" + UUID.randomUUID().toString().substring(0, 8));
        Member owner = member(domain, "owner-" + UUID.randomUUID().toString().substring(0, 8));
        upload(owner, 1000);
        put("p2core/keypackage_lr", "\"" + TestKeyPackage.of(owner.key, owner.fid).lastResort().base64() + "\"",
                owner.token);
        String actorPath = "p2core/key/actor/" + owner.fid;
        String takenName = owner.fid.split("@")[0];
        List<String> wrongPassword = new ArrayList<>();
        List<String> unknownName = new ArrayList<>();
        for (Member m : members) {
            String name = m.fid.split("@")[0];
            String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
            wrongPassword.add(trustBody(name, TestActor.generate().csrPem(name, domain, "wp"), "not the password"));
            unknownName.add(trustBody(ghost, TestActor.generate().csrPem(ghost, domain, "wp"), "load test password"));
        }

        List<Result> results = new ArrayList<>();
        try (LoadHomeServer home = new LoadHomeServer(Integer.getInteger("load.home-port", 9555), clients)) {
            Map<String, Callable<Result>> byKey = new LinkedHashMap<>();
            byKey.put("reference", () -> measure("GET reference (host, constant)", c -> get("reference", null), 200));
            byKey.put("challenge", () -> measure("GET challenge", c -> get("p2core/challenge", null), 200));
            byKey.put("key-actor", () -> measure("GET key/actor", c -> get(actorPath, null), 200));
            byKey.put("identify", () -> measure("POST identify (home actor)", c -> identify(members.get(c)), 201));
            byKey.put("identify-foreign", () -> measure("POST identify (foreign actor)",
                    c -> identify(home.actors().get(c)), 201));
            byKey.put("keypackage", () -> measure("GET keypackage", c -> get("p2core/keypackage/" + owner.fid,
                    fetcher.token), 200));
            byKey.put("register", () -> measure("POST register (Argon2id)", c -> post("p2core/register",
                    "{\"actor_name\":\"r-" + UUID.randomUUID().toString().substring(0, 12)
                            + "\",\"password\":\"load test password\"}", null), 201));
            byKey.put("register-taken", () -> measure("POST register (name taken)", c -> post("p2core/register",
                    "{\"actor_name\":\"" + takenName + "\",\"password\":\"load test password\"}", null), 409));
            byKey.put("trust-wrong-password", () -> measure("POST trust (wrong password)",
                    c -> post("p2core/session/trust", wrongPassword.get(c), null), 401));
            byKey.put("trust-unknown-name", () -> measure("POST trust (unknown name)",
                    c -> post("p2core/session/trust", unknownName.get(c), null), 401));
            byKey.keySet().retainAll(routes);
            for (int pass = 0; pass < Integer.getInteger("load.warmup-passes", 1); pass++) {
                for (Callable<Result> route : byKey.values()) {
                    route.call();
                }
            }
            Set<String> settled = Set.of(System.getProperty("load.settle-routes", String.join(",", ROUTES))
                    .split(","));
            for (Map.Entry<String, Callable<Result>> route : byKey.entrySet()) {
                if (settled.contains(route.getKey())) {
                    settle(route.getKey(), route.getValue());
                }
            }
            Map<String, List<Result>> measured = new LinkedHashMap<>();
            for (int pass = 0; pass < Integer.getInteger("load.measure-passes", 1); pass++) {
                for (Map.Entry<String, Callable<Result>> route : byKey.entrySet()) {
                    Result result = route.getValue().call();
                    System.out.printf(Locale.ROOT, "measured pass %d, %s: %.0f req/s, %.0f CPU-µs (driver %.0f,"
                                    + " database %.0f)%n", pass + 1, route.getKey(), result.perSecond,
                            result.cpuMicros, result.driverMicros, result.databaseMicros);
                    measured.computeIfAbsent(route.getKey(), k -> new ArrayList<>()).add(result);
                }
            }
            measured.forEach((key, passes) -> results.add(median(passes).withKey(key)));
        }
        print(results);
    }

    /**
     * Runs a route unmeasured until the last three passes agree within {@code load.settle-tolerance} (default 5 %)
     * on throughput and on the server's CPU per request, at most {@code load.settle-passes} times (default 0: off),
     * and not before the route has run for its {@code load.settle-min-seconds} (comma-separated {@code route:seconds},
     * default none). On one pinned core the JIT compiles a long path such as identify for minutes, and passes that
     * agree early (two did at 908 and 867 identifies/s, where the warm server does 1,358/s) measure the compiler.
     */
    private void settle(String key, Callable<Result> route) throws Exception {
        int max = Integer.getInteger("load.settle-passes", 0);
        double tolerance = Double.parseDouble(System.getProperty("load.settle-tolerance", "0.05"));
        long minPasses = (settleMinSeconds(key) + duration.toSeconds() - 1) / Math.max(1, duration.toSeconds());
        List<Result> passes = new ArrayList<>();
        for (int pass = 1; pass <= max; pass++) {
            passes.add(route.call());
            List<Result> last = passes.subList(Math.max(0, passes.size() - 3), passes.size());
            if (pass >= minPasses && last.size() == 3 && agree(last, Result::perSecond, tolerance)
                    && agree(last, Result::cpuMicros, tolerance)) {
                System.out.printf(Locale.ROOT, "%s settled after %d passes: %.0f req/s, %.0f CPU-µs%n", key, pass,
                        last.get(2).perSecond, last.get(2).cpuMicros);
                return;
            }
        }
        if (max > 0) {
            Result lastPass = passes.get(passes.size() - 1);
            System.out.printf(Locale.ROOT, "%s did not settle in %d passes (last: %.0f req/s, %.0f CPU-µs)%n", key,
                    max, lastPass.perSecond, lastPass.cpuMicros);
        }
    }

    private static long settleMinSeconds(String key) {
        for (String entry : System.getProperty("load.settle-min-seconds", "").split(",")) {
            String[] routeAndSeconds = entry.split(":");
            if (routeAndSeconds.length == 2 && routeAndSeconds[0].strip().equals(key)) {
                return Long.parseLong(routeAndSeconds[1].strip());
            }
        }
        return 0;
    }

    private static boolean agree(List<Result> passes, ToDoubleFunction<Result> figure,
                                 double tolerance) {
        double min = passes.stream().mapToDouble(figure).min().orElseThrow();
        double max = passes.stream().mapToDouble(figure).max().orElseThrow();
        return within(min, max, tolerance);
    }

    private static boolean within(double a, double b, double tolerance) {
        return Math.abs(a - b) <= tolerance * Math.max(a, b);
    }

    /** The pass with the median throughput (its latencies with it). */
    private static Result median(List<Result> passes) {
        List<Result> sorted = new ArrayList<>(passes);
        sorted.sort(java.util.Comparator.comparingDouble(Result::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static void print(List<Result> results) throws java.io.IOException {
        String label = System.getProperty("load.label", "");
        System.out.println();
        System.out.printf(Locale.ROOT, "%-30s %10s %10s %10s %12s %12s %12s %12s%n", "route " + label, "req/s",
                "p50 ms", "p99 ms", "unexpected", "server CPU-µs", "driver CPU-µs", "db CPU-µs");
        StringBuilder tsv = new StringBuilder();
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-30s %10.0f %10.2f %10.2f %12d %12.0f %12.0f %12.0f%n", r.name,
                    r.perSecond, r.p50, r.p99, r.unexpected, r.cpuMicros, r.driverMicros, r.databaseMicros);
            tsv.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%.1f\t%.2f\t%.2f\t%d\t%.0f\t%.0f\t%.0f%n", label,
                    r.key, r.name, r.perSecond, r.p50, r.p99, r.unexpected, r.cpuMicros, r.driverMicros,
                    r.databaseMicros));
        }
        String out = System.getProperty("load.out");
        if (out != null && !out.isBlank()) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(out), tsv, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** One pass of one route; every pass is logged with the time it began, to be matched with the server's GC log. */
    private Result measure(String name, Request request, int expected) throws Exception {
        LocalTime began = LocalTime.now();
        Result result = run(name, request, expected);
        System.out.printf(Locale.ROOT, "%tT %s: %.0f req/s, %.0f CPU-µs%n", began, name, result.perSecond,
                result.cpuMicros);
        return result;
    }

    private Result run(String name, Request request, int expected) throws Exception {
        ProcessCpu.Ticks cpuBefore = ProcessCpu.now();
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong unexpected = new AtomicLong();
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(clientThreads.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    BlockingHttp.Reply response = request.send(client);
                    long took = System.nanoTime() - t0;
                    if (response.status() != expected) {
                        unexpected.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            for (long l : f.get()) {
                all.add(l);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ProcessCpu.Ticks used = ProcessCpu.now().minus(cpuBefore);
        int requests = Math.max(1, all.size());
        all.sort(null);
        return new Result(null, name, all.size() / seconds, percentile(all, 0.50), percentile(all, 0.99),
                unexpected.get(), ProcessCpu.micros(used.server()) / requests,
                ProcessCpu.micros(used.driver()) / requests, ProcessCpu.micros(used.database()) / requests);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1e6;
    }

    private BlockingHttp.Reply identify(Member member) throws Exception {
        String challenge = json(get("p2core/challenge", null).body()).getString("challenge");
        return identify(challenge, member.key.signChallenge(challenge), member.cert);
    }

    private BlockingHttp.Reply identify(LoadHomeServer.ForeignActor actor) throws Exception {
        String challenge = json(get("p2core/challenge", null).body()).getString("challenge");
        return identify(challenge, actor.signChallenge(challenge), actor.pem());
    }

    private BlockingHttp.Reply identify(String challenge, String signature, String cert) throws Exception {
        String body = JSON.createObjectBuilder().add("completed_challenge", JSON.createObjectBuilder()
                .add("challenge", challenge).add("signature", signature)).add("id_cert", cert).build().toString();
        return post("p2core/session/identify", body, null);
    }

    private static String trustBody(String name, String csr, String password) {
        return JSON.createObjectBuilder().add("actor_name", name).add("password", password).add("csr", csr).build()
                .toString();
    }

    private Member member(String domain, String name) throws Exception {
        post("p2core/register", "{\"actor_name\":\"" + name + "\",\"password\":\"load test password\"}", null);
        TestActor key = TestActor.generate();
        JsonObject trust = json(post("p2core/session/trust", JSON.createObjectBuilder().add("actor_name", name)
                .add("password", "load test password").add("csr", key.csrPem(name, domain, "load"))
                .build().toString(), null).body());
        return new Member(name + "@" + domain, key, trust.getString("id_cert"), trust.getString("token"));
    }

    private void upload(Member owner, int count) throws Exception {
        for (int done = 0; done < count; done += 100) {
            var array = JSON.createArrayBuilder();
            for (int i = 0; i < 100; i++) {
                array.add(TestKeyPackage.of(owner.key, owner.fid).base64());
            }
            post("p2core/keypackage/@me", array.build().toString(), owner.token);
        }
    }

    private String domainOf() throws Exception {
        String name = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        return json(post("p2core/register", "{\"actor_name\":\"" + name + "\"}", null).body()).getString("fid")
                .split("@")[1];
    }

    private void awaitServer() throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            try {
                if (get("p2core/challenge", null).status() == 200) {
                    return;
                }
            } catch (Exception e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server at " + api + " did not come up");
    }

    private BlockingHttp.Reply get(String path, String token) throws Exception {
        return connection.get().send("GET", path, null, token);
    }

    private BlockingHttp.Reply post(String path, String body, String token) throws Exception {
        return connection.get().send("POST", path, body, token);
    }

    private void put(String path, String body, String token) throws Exception {
        connection.get().send("PUT", path, body, token);
    }

    private static JsonObject json(String body) {
        return JSON.createReader(new StringReader(body)).readObject();
    }

    @FunctionalInterface
    private interface Request {
        BlockingHttp.Reply send(int client) throws Exception;
    }

    private record Member(String fid, TestActor key, String cert, String token) {
    }

    private record Result(String key, String name, double perSecond, double p50, double p99, long unexpected,
                          double cpuMicros, double driverMicros, double databaseMicros) {
        Result withKey(String routeKey) {
            return new Result(routeKey, name, perSecond, p50, p99, unexpected, cpuMicros, driverMicros,
                    databaseMicros);
        }
    }
}
