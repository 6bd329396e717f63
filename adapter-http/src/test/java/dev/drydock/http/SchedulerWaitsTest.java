package dev.drydock.http;

import static dev.drydock.http.Waits.await;
import static dev.drydock.http.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.http.ApiFixture.Reply;
import dev.drydock.inmemory.SimulatedScheduler.Operation;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests that wait on the scheduler (here: deploys the test holds until it lets them go) wait
 * off the workers that run the API: other requests keep their latency, the number that may wait
 * is capped, and a client that leaves mid-deploy leaves nothing behind. Loopback only; every wait
 * is bounded.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SchedulerWaitsTest {
    private static final Duration PROMPT = Duration.ofSeconds(1);
    private static final String BUSY = "Too many deploys are in progress on this server; try again shortly.";

    @Test
    void fiftySlowDeploysLeaveTheApiPrompt() throws Exception {
        int deploys = 50;
        // on PostgreSQL each deploy of a different app holds one of the 20 deploy-lock connections
        // while it runs, and the others queue for one: still more than the 16 HTTP workers
        int atOnce = TestStore.kind().equals("postgres") ? 20 : deploys;
        try (ApiFixture api = ApiFixture.start(HttpLimits.DEFAULT.withDeployWorkers(64))) {
            String token = api.user("ada");
            List<String> apps = new ArrayList<>();
            for (int i = 0; i < deploys; i++) {
                apps.add(appWithBuild(api, token, "slow-" + i));
            }
            CountDownLatch deploying = new CountDownLatch(atOnce);
            CountDownLatch release = new CountDownLatch(1);
            apps.forEach(app -> api.scheduler.beforeNext(Operation.DEPLOY, app, () -> {
                deploying.countDown();
                await(release);
            }));
            ExecutorService clients = Executors.newFixedThreadPool(deploys);
            try {
                List<Future<Reply>> changes = new ArrayList<>();
                for (String app : apps) {
                    changes.add(clients.submit(() -> api.post("/v2/apps/" + app + "/config/", token,
                            "{\"values\": {\"COLOUR\": \"blue\"}}")));
                }
                assertThat(deploying.await(20, TimeUnit.SECONDS))
                        .as("deploys under way at once: %d of %d", atOnce - deploying.getCount(), atOnce).isTrue();

                HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int round = 0; round < 3; round++) {
                    assertPromptOk(probe, api.uri("/v2/apps"), token);
                    assertPromptOk(probe, api.uri("/healthz"), null);
                }

                release.countDown();
                for (int i = 0; i < deploys; i++) {
                    Reply reply = changes.get(i).get(30, TimeUnit.SECONDS);
                    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                    assertThat(reply.json().get("app").asText()).isEqualTo(apps.get(i));
                    assertThat(reply.json().get("values").get("COLOUR").asText()).isEqualTo("blue");
                }
            } finally {
                release.countDown();
                clients.shutdownNow();
            }
        }
    }

    @Test
    void pastTheDeployWorkersA503WithRetryAfterComesAtOnce() throws Exception {
        try (ApiFixture api = ApiFixture.startAsInProduction(HttpLimits.DEFAULT.withDeployWorkers(2))) {
            String token = api.user("ada");
            List<String> apps = List.of(appWithBuild(api, token, "one"), appWithBuild(api, token, "two"));
            String third = appWithBuild(api, token, "three");
            CountDownLatch deploying = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            apps.forEach(app -> api.scheduler.beforeNext(Operation.DEPLOY, app, () -> {
                deploying.countDown();
                await(release);
            }));
            ExecutorService clients = Executors.newFixedThreadPool(2);
            try {
                List<Future<Reply>> held = new ArrayList<>();
                for (String app : apps) {
                    held.add(clients.submit(() -> api.post("/v2/apps/" + app + "/config/", token,
                            "{\"values\": {\"A\": \"1\"}}")));
                }
                assertThat(deploying.await(20, TimeUnit.SECONDS)).as("both deploys under way").isTrue();

                long start = System.nanoTime();
                Reply refused = api.post("/v2/apps/" + third + "/config/", token, "{\"values\": {\"A\": \"1\"}}");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
                assertThat(refused.status()).as(refused.body()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("1");
                assertThat(refused.header("Content-Type")).startsWith("application/json");
                assertThat(refused.body()).isEqualTo("{\"detail\":\"" + BUSY + "\"}");
                Reply scale = api.post("/v2/apps/" + third + "/scale/", token, "{\"web\": 2}");
                assertThat(scale.status()).as(scale.body()).isEqualTo(503);
                // refused before the core was asked: no release made
                assertThat(api.get("/v2/apps/" + third + "/releases/", token).json().get("count").asInt())
                        .isEqualTo(2);
                // requests that do not wait on the scheduler are still served
                assertThat(api.get("/v2/apps/" + third + "/config/", token).status()).isEqualTo(200);

                release.countDown();
                for (Future<Reply> change : held) {
                    assertThat(change.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
                }
                // a thread that has just answered is back for new work a moment later
                waitUntil(() -> api.post("/v2/apps/" + third + "/config/", token,
                        "{\"values\": {\"A\": \"2\"}}").status() == 201);
            } finally {
                release.countDown();
                clients.shutdownNow();
            }
        }
    }

    @Test
    void aClientThatLeavesMidDeployLeavesNothingBehind() throws Exception {
        try (ApiFixture api = ApiFixture.start(); CapturedLogs loud = new CapturedLogs()) {
            String token = api.user("ada");
            String app = appWithBuild(api, token, "left");
            CountDownLatch deploying = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch deployed = new CountDownLatch(1);
            api.scheduler.beforeNext(Operation.DEPLOY, app, () -> {
                deploying.countDown();
                await(release);
            });
            try {
                String body = "{\"values\": {\"COLOUR\": \"red\"}}";
                try (Socket socket = new Socket("127.0.0.1", api.api.port())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /v2/apps/" + app + "/config/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: token " + token + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length() + "\r\n\r\n" + body)
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    assertThat(deploying.await(10, TimeUnit.SECONDS)).as("the deploy under way").isTrue();
                }
                // the server sees the connection closed before the deploy ends
                Thread.sleep(200);
                release.countDown();

                waitUntil(() -> api.scheduler.deployments(app).stream()
                        .anyMatch(plan -> plan.release().version() == 3));
                waitUntil(() -> {
                    Reply v3 = api.get("/v2/apps/" + app + "/releases/v3/", token);
                    return v3.status() == 200 && !v3.json().get("failed").asBoolean()
                            && v3.json().get("summary").asText().contains("COLOUR");
                });
                // the app's deploy lock was let go: the next change deploys at once
                api.scheduler.beforeNext(Operation.DEPLOY, app, deployed::countDown);
                long start = System.nanoTime();
                Reply next = api.post("/v2/apps/" + app + "/config/", token, "{\"values\": {\"COLOUR\": \"green\"}}");
                assertThat(next.status()).as(next.body()).isEqualTo(201);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                assertThat(deployed.getCount()).as("the next change was deployed").isZero();
                assertThat(api.get("/v2/apps/" + app + "/releases/v4/", token).json().get("failed").asBoolean())
                        .isFalse();
            } finally {
                release.countDown();
            }
            assertThat(loud.loud()).as("lines logged at warn or error").isEmpty();
        }
    }

    @Test
    void stoppingLetsADeployUnderWayEndAndLeavesNoThreads() throws Exception {
        ApiFixture api = ApiFixture.start();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            String token = api.user("ada");
            String app = appWithBuild(api, token, "stopping");
            CountDownLatch deploying = new CountDownLatch(1);
            api.scheduler.beforeNext(Operation.DEPLOY, app, () -> {
                deploying.countDown();
                await(release);
            });
            Future<Reply> change = client.submit(() -> api.post("/v2/apps/" + app + "/config/", token,
                    "{\"values\": {\"COLOUR\": \"red\"}}"));
            assertThat(deploying.await(10, TimeUnit.SECONDS)).as("the deploy under way").isTrue();

            Thread stop = new Thread(api.api::close, "stopping-the-api");
            stop.start();
            Thread.sleep(500);
            release.countDown();
            stop.join(15_000);
            assertThat(stop.isAlive()).as("still stopping").isFalse();

            // within the grace period: the deploy ended, and its client had its answer
            assertThat(change.get(5, TimeUnit.SECONDS).status()).isEqualTo(201);
            assertThat(api.scheduler.deployments(app)).anyMatch(plan -> plan.release().version() == 3);
            // the pool's threads, drydock-deploy-<n> (not the store's drydock-deploy-locks pool)
            java.util.function.Predicate<Thread> ours = t -> t.getName().matches("drydock-deploy-[0-9]+");
            try {
                waitUntil(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(ours));
            } catch (AssertionError e) {
                StringBuilder left = new StringBuilder("threads left:");
                Thread.getAllStackTraces().forEach((t, stack) -> {
                    if (ours.test(t)) {
                        left.append("\n").append(t.getName()).append(' ').append(t.getState());
                        for (StackTraceElement frame : stack) {
                            left.append("\n    ").append(frame);
                        }
                    }
                });
                throw new AssertionError(left.toString(), e);
            }
        } finally {
            release.countDown();
            client.shutdownNow();
            api.close();
        }
    }

    /** A new app of the caller with a build deployed, so that config changes reach the scheduler (v2). */
    private static String appWithBuild(ApiFixture api, String token, String id) {
        Reply created = api.post("/v2/apps/", token, ApiFixture.json("id", id));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Reply build = api.post("/v2/apps/" + id + "/builds/", token,
                "{\"image\": \"example/app:1\", \"procfile\": {\"web\": \"bin/web\"}}");
        assertThat(build.status()).as(build.body()).isEqualTo(201);
        return id;
    }

    private static void assertPromptOk(HttpClient client, java.net.URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).as(uri + " " + response.body()).isEqualTo(200);
        assertThat(took).as(uri + " while deploys wait").isLessThan(PROMPT);
    }
}
