package dev.drydock.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.jdbc.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server jar as an operator runs it, in a process of its own, on H2 and on PostgreSQL: what
 * it acknowledged is still there after {@code kill -9} and after a clean stop.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ServerProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 6;
    private static final Duration WRITE_TIME = Duration.ofSeconds(3);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);
    /** Acknowledged app creations, and config changes, before the kill: several per writer. */
    private static final int ENOUGH = 3 * WRITERS;
    private static final String SHARED_APP = "shared";
    private static final String PASSWORD = "correct horse";

    /** Where the server keeps its data, fresh for each test. */
    enum Store {
        H2 {
            @Override
            Setup fresh() {
                // no flags: the default store, H2 in ./data of the working directory
                return new Setup(List.of(), Map.of());
            }
        },
        POSTGRESQL {
            @Override
            Setup fresh() {
                return new Setup(List.of("--database-url", TestDatabases.freshPostgresDatabase()),
                        Map.of("DRYDOCK_DATABASE_USER", "postgres", "DRYDOCK_DATABASE_PASSWORD", ""));
            }
        };

        abstract Setup fresh();
    }

    /** The flags and environment that point a server at one store. */
    record Setup(List<String> args, Map<String, String> env) {
    }

    @TempDir
    Path workDir;
    private Path jar;
    private Path log;
    private final List<ServerProcess> started = new ArrayList<>();

    @BeforeEach
    void findJar(TestInfo test) throws IOException {
        jar = ServerProcess.jar();
        log = ServerProcess.freshLog(test.getTestMethod().orElseThrow().getName() + "-" + test.getDisplayName()
                .replaceAll("[^A-Za-z0-9]+", "_"));
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(ServerProcess::close);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    void everyAcknowledgedWriteSurvivesKillNine(Store store) throws Exception {
        Setup setup = store.fresh();
        ServerProcess server = start(setup);
        Api api = Api.registerAndLogin(server);
        Acknowledged acked = new Acknowledged();
        assertThat(api.post("v2/apps/", Map.of("id", SHARED_APP)).status()).isEqualTo(201);
        acked.app(SHARED_APP);

        AtomicBoolean killing = new AtomicBoolean();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Void>> writers = new ArrayList<>();
        String lastBeforeKill;
        try {
            for (int n = 1; n <= WRITERS; n++) {
                int writer = n;
                writers.add(pool.submit(() -> write(api, writer, acked, killing, problems)));
            }
            awaitLoad(acked, writers, problems, server);
            // kill right after an acknowledgement: a commit still waiting to be flushed would be lost
            acked.latest.clear();
            lastBeforeKill = acked.latest.poll(10, TimeUnit.SECONDS);
            assertThat(lastBeforeKill).as(() -> "no write acknowledged while the writers ran\n" + server.tail())
                    .isNotNull();
            assertThat(writers).as("every writer still writing at the kill").noneMatch(Future::isDone);
            killing.set(true);
            server.kill();
        } finally {
            killing.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).as("writers end after the kill").isTrue();
        }
        for (Future<Void> writer : writers) {
            writer.get();
        }
        System.out.printf("%s: %d apps and %d config changes acknowledged in %d ms; the last one (%s) right before"
                + " the kill%n", store, acked.apps.size(), acked.changes(), acked.age().toMillis(), lastBeforeKill);
        assertThat(problems).as(() -> "answers other than success before the kill\n" + server.tail()).isEmpty();

        ServerProcess restarted = start(setup);
        Instant verifying = Instant.now();
        // a request in flight at the kill may have been committed without an answer: one per writer
        assertAllThere(Api.login(restarted), acked, WRITERS, restarted);
        System.out.printf("%s: checked after the restart in %d ms%n", store,
                Duration.between(verifying, Instant.now()).toMillis());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Store.class)
    void aCleanStopKeepsEverything(Store store) throws Exception {
        Setup setup = store.fresh();
        ServerProcess server = start(setup);
        Api api = Api.registerAndLogin(server);
        Acknowledged acked = new Acknowledged();
        for (String app : List.of("kept-1", "kept-2")) {
            assertThat(api.post("v2/apps/", Map.of("id", app)).status()).isEqualTo(201);
            acked.app(app);
            for (int n = 1; n <= 2; n++) {
                Response set = api.post("v2/apps/" + app + "/config/",
                        Map.of("values", Map.of("KEY_" + n, "value-" + n)));
                assertThat(set.status()).as(set.body()).isEqualTo(201);
                acked.value(app, "KEY_" + n, "value-" + n);
            }
        }

        server.terminate();
        assertThat(server.output()).as(() -> "the server says it stops on SIGTERM\n" + server.tail())
                .contains("stopping");

        ServerProcess restarted = start(setup);
        assertAllThere(Api.login(restarted), acked, 0, restarted);
    }

    private ServerProcess start(Setup setup) throws IOException, InterruptedException {
        ServerProcess server = ServerProcess.start(jar, workDir, log, setup.args(), setup.env());
        started.add(server);
        return server;
    }

    /**
     * Lets the writers write for {@link #WRITE_TIME} and on until there is enough to lose: each has
     * created apps and changed config. On a slow machine this takes longer, up to {@link #LOAD_TIMEOUT}.
     */
    private static void awaitLoad(Acknowledged acked, List<Future<Void>> writers, Queue<String> problems,
                                  ServerProcess server) throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(LOAD_TIMEOUT);
        while (Duration.between(start, Instant.now()).compareTo(WRITE_TIME) < 0
                || acked.apps.size() < ENOUGH || acked.changes() < ENOUGH) {
            assertThat(writers).as(() -> "writers stopped before the kill: " + problems).noneMatch(Future::isDone);
            assertThat(Instant.now()).as(() -> "after " + LOAD_TIMEOUT.toSeconds() + " s only " + acked.apps.size()
                    + " apps and " + acked.changes() + " config changes were acknowledged; problems: " + problems
                    + "\n" + server.tail()).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /** One writer: creates apps and sets new config keys on its own apps and the shared one until the kill. */
    private static Void write(Api api, int writer, Acknowledged acked, AtomicBoolean killing, Queue<String> problems)
            throws InterruptedException {
        List<String> own = new ArrayList<>();
        Random random = new Random(writer);
        for (int step = 1; !killing.get(); step++) {
            try {
                if (own.isEmpty() || step % 3 == 0) {
                    String app = "w" + writer + "-" + step;
                    Response created = api.post("v2/apps/", Map.of("id", app));
                    if (created.status() == 201) {
                        own.add(app);
                        acked.app(app);
                    } else {
                        problems.add("create " + app + ": " + created);
                    }
                } else {
                    // half the changes on one app that every writer shares: its releases are numbered under contention
                    String app = step % 2 == 0 ? SHARED_APP : own.get(random.nextInt(own.size()));
                    String key = "W" + writer + "_" + step;
                    String value = "value-" + step;
                    Response set = api.post("v2/apps/" + app + "/config/", Map.of("values", Map.of(key, value)));
                    if (set.status() == 201) {
                        acked.value(app, key, value);
                    } else {
                        problems.add("set " + key + " on " + app + ": " + set);
                    }
                }
            } catch (IOException e) {
                if (!killing.get()) {
                    problems.add("writer " + writer + " before the kill: " + e);
                }
            }
        }
        return null;
    }

    /**
     * Every acknowledged app is listed, every acknowledged value is in its app's config, and each
     * app's releases are numbered 1..N without a gap, N counting every acknowledged change. All
     * that is missing is reported at once.
     */
    private static void assertAllThere(Api api, Acknowledged acked, int unacknowledgedAtMost, ServerProcess server)
            throws Exception {
        Response list = api.get("v2/apps?limit=100000");
        assertThat(list.status()).as(list::toString).isEqualTo(200);
        Set<String> listed = new TreeSet<>();
        list.json().get("results").forEach(app -> listed.add(app.get("id").asText()));
        List<String> missing = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> checks = new ArrayList<>();
            for (String app : new TreeSet<>(acked.apps)) {
                if (!listed.contains(app)) {
                    missing.add("app " + app);
                    continue;
                }
                Map<String, String> values = acked.values.getOrDefault(app, Map.of());
                checks.add(pool.submit(() -> missingFrom(api, app, values, unacknowledgedAtMost)));
            }
            for (Future<List<String>> check : checks) {
                missing.addAll(check.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(missing).as(() -> "acknowledged before the stop (" + acked.apps.size() + " apps, "
                + acked.changes() + " config values) but missing after the restart\n" + server.tail()).isEmpty();
    }

    private static List<String> missingFrom(Api api, String app, Map<String, String> values, int unacknowledgedAtMost)
            throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        Response config = api.get("v2/apps/" + app + "/config/");
        if (config.status() != 200) {
            return List.of("config of " + app + ": " + config);
        }
        JsonNode stored = config.json().get("values");
        values.forEach((key, value) -> {
            if (!value.equals(stored.path(key).asText(null))) {
                missing.add(key + "=" + value + " on " + app + " (found " + stored.get(key) + ")");
            }
        });

        Response releases = api.get("v2/apps/" + app + "/releases/?limit=100000");
        if (releases.status() != 200) {
            return List.of("releases of " + app + ": " + releases);
        }
        List<Integer> versions = new ArrayList<>();
        releases.json().get("results").forEach(release -> versions.add(release.get("version").asInt()));
        int newest = versions.isEmpty() ? 0 : versions.get(0);
        if (!versions.equals(IntStream.iterate(newest, v -> v >= 1, v -> v - 1).boxed().toList())) {
            missing.add("releases of " + app + " not numbered 1.." + newest + " without a gap: " + versions);
        }
        if (newest < 1 + values.size() || newest > 1 + values.size() + unacknowledgedAtMost) {
            missing.add("release v" + newest + " is the newest of " + app + ", after " + values.size()
                    + " acknowledged config changes");
        }
        return missing;
    }

    /** What the server answered with a success, and so must keep. */
    private static final class Acknowledged {
        final Set<String> apps = ConcurrentHashMap.newKeySet();
        final Map<String, Map<String, String>> values = new ConcurrentHashMap<>();
        /** Every acknowledgement as it happens, for the test to kill right after one. */
        final BlockingQueue<String> latest = new LinkedBlockingQueue<>();
        private final Instant start = Instant.now();

        void app(String id) {
            apps.add(id);
            latest.add("app " + id);
        }

        void value(String app, String key, String value) {
            values.computeIfAbsent(app, a -> new ConcurrentHashMap<>()).put(key, value);
            latest.add(key + "=" + value + " on " + app);
        }

        Duration age() {
            return Duration.between(start, Instant.now());
        }

        int changes() {
            return values.values().stream().mapToInt(Map::size).sum();
        }
    }

    record Response(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** The REST API of one server process, as a client logged in as the admin. */
    private static final class Api {
        private final HttpClient http = HttpClient.newBuilder()
                // over the default HTTP/2 upgrade, POST bodies are not answered
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        private final URI uri;
        private String token;

        private Api(URI uri) {
            this.uri = uri;
        }

        /** The first user, who becomes admin; password hashing is slow, so one login per server start. */
        static Api registerAndLogin(ServerProcess server) throws IOException, InterruptedException {
            Api api = new Api(server.uri());
            Response registered = api.post("v2/auth/register/",
                    Map.of("username", "ada", "password", PASSWORD, "email", "ada@example.com"));
            assertThat(registered.status()).as(registered::toString).isEqualTo(201);
            api.logIn();
            return api;
        }

        static Api login(ServerProcess server) throws IOException, InterruptedException {
            Api api = new Api(server.uri());
            api.logIn();
            return api;
        }

        private void logIn() throws IOException, InterruptedException {
            Response login = post("v2/auth/login/", Map.of("username", "ada", "password", PASSWORD));
            assertThat(login.status()).as(login::toString).isEqualTo(200);
            token = login.json().get("token").asText();
        }

        Response post(String path, Object body) throws IOException, InterruptedException {
            return send(request(path).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json"));
        }

        Response get(String path) throws IOException, InterruptedException {
            return send(request(path).GET());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri.resolve(path)).timeout(Duration.ofSeconds(20));
            return token == null ? request : request.header("Authorization", "token " + token);
        }

        private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        }
    }
}
