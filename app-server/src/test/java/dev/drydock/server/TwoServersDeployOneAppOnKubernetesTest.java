package dev.drydock.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.core.Settings;
import dev.drydock.embedded.Drydock;
import dev.drydock.jdbc.TestDatabases;
import dev.drydock.k8s.KubernetesScheduler;
import dev.drydock.k8s.KubernetesSettings;
import dev.drydock.k8s.MockApiServer;
import dev.drydock.k8s.testing.StandInCluster;
import dev.drydock.server.HttpTestClient.Reply;
import dev.drydock.testing.DrydockHarness;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.ClientBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Drydock servers on one PostgreSQL database and one Kubernetes cluster (a mock API server
 * played by the stand-in cluster), each with its own Kubernetes scheduler and client, as two
 * server processes would have. Deploys of one app take turns under its deploy lock on the
 * database, so whatever server answers, the cluster runs one release at a time, in release order,
 * and ends on the newest one.
 */
class TwoServersDeployOneAppOnKubernetesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROCFILE =
            "\"procfile\":{\"web\":\"bundle exec puma\",\"worker\":\"bundle exec sidekiq\"}";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static MockApiServer mock;
    private static StandInCluster standIn;
    private static AppsV1Api apps;
    private static CoreV1Api core;

    private final HttpTestClient client = new HttpTestClient();
    private DrydockHarness one;
    private DrydockHarness two;

    @BeforeAll
    static void startCluster() {
        mock = new MockApiServer();
        standIn = StandInCluster.start(mock);
        apps = new AppsV1Api(mock.client());
        core = new CoreV1Api(mock.client());
    }

    @AfterAll
    static void stopCluster() {
        try {
            if (standIn != null) {
                standIn.close();
            }
        } finally {
            if (mock != null) {
                mock.close();
            }
        }
    }

    @BeforeEach
    void startTwoServers() {
        String url = TestDatabases.freshPostgresDatabase();
        one = DrydockHarness.start(server(url));
        two = DrydockHarness.start(server(url));
    }

    // a client and a scheduler of its own, as a server process has
    private static Drydock.Builder server(String url) {
        KubernetesScheduler scheduler = new KubernetesScheduler(
                new ClientBuilder().setBasePath(mock.client().getBasePath()).build(),
                KubernetesSettings.defaults().withDeployTimeout(WAIT).withPoll(Duration.ofMillis(20)));
        return Drydock.database(url, "postgres", "").scheduler(scheduler)
                .settings(Settings.defaults().withPasswordIterations(1000));
    }

    @AfterEach
    void stopServers() {
        try {
            if (one != null) {
                one.close();
            }
        } finally {
            if (two != null) {
                two.close();
            }
        }
    }

    @Test
    void eightClientsOnTwoServersLeaveEveryProcessTypeOnTheNewestRelease() throws Exception {
        String app = "busy";
        String token = client.signUp(one.uri(), "ada");
        expect(client.send(one.uri(), "POST", "v2/apps/", token, "{\"id\":\"" + app + "\"}"), 201);
        expect(client.send(two.uri(), "POST", "v2/apps/" + app + "/builds/", token,
                "{\"image\":\"example/busy:1\"," + PROCFILE + "}"), 201);
        expect(client.send(one.uri(), "POST", "v2/apps/" + app + "/scale/", token, "{\"worker\":1}"), 204);
        assertThat(templateVersions(app)).as("both types run the build's release")
                .isEqualTo(Map.of("web", 2, "worker", 2));

        int clients = 8;
        int changesEach = 5;
        Sampler sampler = Sampler.start(app);
        List<String> failures;
        try {
            failures = client.changeConcurrently(List.of(one.uri(), two.uri()), token, app, clients, changesEach);
        } finally {
            sampler.stop();
        }

        assertThat(failures).as("every change is answered 201").isEmpty();
        int newest = 2 + clients * changesEach;
        assertThat(releaseVersions(app, token)).as("release versions contiguous, none lost, none twice")
                .containsExactlyElementsOf(IntStream.iterate(newest, v -> v >= 1, v -> v - 1).boxed().toList());

        // the cluster, as read with the official client: one release, the newest, on every type
        assertThat(templateVersions(app)).as("every Deployment's template carries the newest release")
                .isEqualTo(Map.of("web", newest, "worker", newest));
        String secret = app + "-v" + newest + "-env";
        for (V1Deployment deployment : deployments(app)) {
            assertThat(envSecretsOf(deployment)).as(deployment.getMetadata().getName() + " reads its env from")
                    .containsExactly(secret);
        }
        V1Secret env = core.readNamespacedSecret(secret, app).execute();
        Set<String> keys = IntStream.range(0, clients).boxed()
                .flatMap(c -> IntStream.range(0, changesEach).mapToObj(i -> "key-" + c + "-" + i))
                .collect(Collectors.toSet());
        assertThat(env.getData().keySet()).as("the env secret of the newest release holds every change")
                .containsAll(keys);
        assertThat(core.listNamespacedPod(app).labelSelector("app=" + app).execute().getItems())
                .as("every pod of the app runs the newest release")
                .extracting(pod -> pod.getMetadata().getLabels().get("version"))
                .isNotEmpty().containsOnly("v" + newest);

        // while the changes ran: the cluster never went back, and a mismatch never outlived its deploy
        assertThat(sampler.errors).as("the sampler could read the cluster").isEmpty();
        List<Sample> samples = sampler.samples();
        assertThat(samples.size()).as("samples taken while the changes ran").isGreaterThan(10);
        assertThat(problems(samples)).as("what the sampler saw (web, worker) over " + samples.size()
                + " samples; longest mismatch " + longestMismatch(samples).toMillis() + " ms").isEmpty();
        Sample last = samples.get(samples.size() - 1);
        assertThat(List.of(last.web(), last.worker())).as("web and worker in the last sample, taken once all changes"
                + " were answered").containsExactly(newest, newest);
    }

    @Test
    void aChangeOnOneServerWaitsForASlowDeployOnTheOtherAndRunsAfterIt() throws Exception {
        String app = "patient";
        String token = client.signUp(one.uri(), "ada");
        expect(client.send(one.uri(), "POST", "v2/apps/", token, "{\"id\":\"" + app + "\"}"), 201);
        expect(client.send(one.uri(), "POST", "v2/apps/" + app + "/builds/", token,
                "{\"image\":\"example/patient:1\"," + PROCFILE + "}"), 201);
        expect(client.send(one.uri(), "POST", "v2/apps/" + app + "/scale/", token, "{\"worker\":1}"), 204);
        assertThat(templateVersions(app)).isEqualTo(Map.of("web", 2, "worker", 2));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // v3 on server one: its pods stay unready, so its deploy holds the app's lock until released
            Future<Reply> slowBuild = pool.submit(() -> client.send(one.uri(), "POST", "v2/apps/" + app + "/builds/",
                    token, "{\"image\":\"example/patient:slow\"," + PROCFILE + "}"));
            await("the slow deploy of v3 has written its Deployments",
                    () -> templateVersions(app).equals(Map.of("web", 3, "worker", 3)));

            // v4 on server two: stored at once, its deploy waits for the lock
            Future<Reply> change = pool.submit(() -> client.send(two.uri(), "POST", "v2/apps/" + app + "/config/",
                    token, "{\"values\":{\"GREETING\":\"hello\"}}"));
            await("v4 is stored", () -> releaseVersions(app, token).get(0) == 4);
            long until = System.nanoTime() + Duration.ofMillis(800).toNanos();
            while (System.nanoTime() < until) {
                assertThat(templateVersions(app)).as("while v3 rolls out, v4's deploy has written nothing")
                        .isEqualTo(Map.of("web", 3, "worker", 3));
                assertThat(secret(app, app + "-v4-env")).as("v4's env secret while v3 rolls out").isEmpty();
                Thread.sleep(20);
            }
            assertThat(slowBuild).as("the slow deploy is still rolling out").isNotDone();
            assertThat(change).as("the change waits for the slow deploy").isNotDone();

            standIn.release("patient:slow");
            expect(slowBuild.get(WAIT.toSeconds(), TimeUnit.SECONDS), 201);
            expect(change.get(WAIT.toSeconds(), TimeUnit.SECONDS), 201);
        } finally {
            pool.shutdownNow();
        }

        assertThat(templateVersions(app)).as("the change, the newer release, is what runs")
                .isEqualTo(Map.of("web", 4, "worker", 4));
        for (V1Deployment deployment : deployments(app)) {
            assertThat(envSecretsOf(deployment)).containsExactly(app + "-v4-env");
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).extracting(V1Container::getImage)
                    .containsExactly("example/patient:slow");
        }
        assertThat(secret(app, app + "-v4-env")).hasValueSatisfying(secret ->
                assertThat(secret.getData()).containsKey("greeting"));
        assertThat(releaseVersions(app, token)).containsExactly(4, 3, 2, 1);
    }

    /** The release version in each process type's pod template, by type. */
    private static Map<String, Integer> templateVersions(String app) {
        Map<String, Integer> versions = new TreeMap<>();
        for (V1Deployment deployment : deployments(app)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            versions.put(labels.get("type"), Integer.parseInt(labels.get("version").substring(1)));
        }
        return versions;
    }

    // one list: the mock answers it under its read lock, so it is the cluster at one moment
    private static List<V1Deployment> deployments(String app) {
        try {
            return apps.listNamespacedDeployment(app).execute().getItems();
        } catch (ApiException e) {
            throw new IllegalStateException("list deployments of " + app + ": " + e.getCode() + " "
                    + e.getResponseBody(), e);
        }
    }

    private static List<String> envSecretsOf(V1Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> Optional.ofNullable(c.getEnv()).orElse(List.of()).stream())
                .map(V1EnvVar::getValueFrom).filter(Objects::nonNull)
                .map(from -> from.getSecretKeyRef()).filter(Objects::nonNull)
                .map(ref -> ref.getName()).distinct().toList();
    }

    private static Optional<V1Secret> secret(String app, String name) {
        try {
            return Optional.of(core.readNamespacedSecret(name, app).execute());
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw new IllegalStateException("read secret " + name + ": " + e.getCode(), e);
        }
    }

    /** Newest first, as the API lists them. */
    private List<Integer> releaseVersions(String app, String token) {
        Reply reply = expect(client.send(two.uri(), "GET", "v2/apps/" + app + "/releases/?limit=1000", token, null),
                200);
        try {
            List<Integer> versions = new ArrayList<>();
            JSON.readTree(reply.body()).get("results").forEach(r -> versions.add(r.get("version").asInt()));
            return versions;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Reply expect(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** The template versions of web and worker at one moment. */
    record Sample(long nanos, int web, int worker) {
        @Override
        public String toString() {
            return "(v" + web + ", v" + worker + ")";
        }
    }

    /**
     * What must not be seen. A deploy writes worker's Deployment, then web's, so one moment of
     * web behind worker is a deploy between its two writes. Not allowed: a type going back to an
     * older release; web ahead of worker; and a mismatch that outlives its deploy, i.e. a later
     * moment that is not that same one but still has web behind the worker version of the mismatch.
     */
    static List<String> problems(List<Sample> samples) {
        List<String> problems = new ArrayList<>();
        Sample previous = null;
        Sample open = null;
        for (Sample s : samples) {
            if (previous != null && (s.web() < previous.web() || s.worker() < previous.worker())) {
                problems.add("went back from " + previous + " to " + s);
            }
            if (s.web() > s.worker()) {
                problems.add("web ahead of worker: " + s);
            }
            if (open != null) {
                if (s.web() >= open.worker()) {
                    open = null;
                } else if (s.web() != open.web() || s.worker() != open.worker()) {
                    problems.add("the mismatch " + open + " outlived its deploy: then " + s);
                    open = null;
                }
            }
            if (open == null && s.web() != s.worker()) {
                open = s;
            }
            previous = s;
        }
        return problems;
    }

    static Duration longestMismatch(List<Sample> samples) {
        long longest = 0;
        Long since = null;
        for (Sample s : samples) {
            if (s.web() != s.worker()) {
                since = since == null ? s.nanos() : since;
                longest = Math.max(longest, s.nanos() - since);
            } else {
                since = null;
            }
        }
        return Duration.ofNanos(longest);
    }

    /** Reads the app's Deployments every few milliseconds, on a thread of its own, until stopped. */
    private static final class Sampler {
        private final String app;
        private final List<Sample> samples = new ArrayList<>();
        private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        private final Thread thread;
        private volatile boolean running = true;

        private Sampler(String app) {
            this.app = app;
            this.thread = new Thread(this::loop, "deployment-sampler");
            thread.setDaemon(true);
        }

        static Sampler start(String app) {
            Sampler sampler = new Sampler(app);
            sampler.thread.start();
            return sampler;
        }

        private void loop() {
            while (running) {
                sample();
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void sample() {
            try {
                Map<String, Integer> versions = templateVersions(app);
                synchronized (samples) {
                    samples.add(new Sample(System.nanoTime(), versions.getOrDefault("web", 0),
                            versions.getOrDefault("worker", 0)));
                }
            } catch (RuntimeException e) {
                errors.add(e.toString());
            }
        }

        /** Stops the thread (waiting at most 10 s, without interrupting a read), then takes one last sample. */
        void stop() throws InterruptedException {
            running = false;
            thread.join(10_000);
            sample();
        }

        List<Sample> samples() {
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }
    }
}
