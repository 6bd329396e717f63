package dev.drydock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.embedded.Drydock;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DrydockHarnessTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void servesTheApiOnAFreePortOverTheSameCoreItExposes() throws Exception {
        try (DrydockHarness harness = DrydockHarness.start()) {
            URI api = harness.uri();
            HttpResponse<String> registered = send(api, "POST", "v2/auth/register/", null,
                    "{\"username\":\"ada\",\"password\":\"s3cret-pass\",\"email\":\"ada@example.com\"}");
            assertThat(registered.statusCode()).isEqualTo(201);
            assertThat(registered.body()).contains("\"is_superuser\":true");
            assertThat(registered.headers().firstValue("DRYCC_API_VERSION")).contains("2.3");

            HttpResponse<String> login = send(api, "POST", "v2/auth/login/", null,
                    "{\"username\":\"ada\",\"password\":\"s3cret-pass\"}");
            assertThat(login.statusCode()).isEqualTo(200);
            String token = login.body().replaceAll(".*\"token\"\\s*:\\s*\"([0-9a-f]{40})\".*", "$1");

            HttpResponse<String> created = send(api, "POST", "v2/apps/", token, "{\"id\":\"web-shop\"}");
            assertThat(created.statusCode()).isEqualTo(201);

            // what went in over HTTP is visible to an embedder of the same core
            Caller ada = harness.drydock().accounts().authenticate(token);
            assertThat(harness.drydock().apps().get(ada, "web-shop").owner()).isEqualTo("ada");
            assertThat(harness.drydock().scheduler().exists("web-shop")).isTrue();

            HttpResponse<String> list = send(api, "GET", "v2/apps", token, null);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("\"count\":1").contains("\"id\":\"web-shop\"");
        }
    }

    @Test
    void aTestDecidesWhatOneOffCommandsAnswer() throws Exception {
        Drydock.Builder core = Drydock.inMemory()
                .runHandler((plan, command) -> new RunResult(0, plan.app() + " ran " + command + "\n"));
        try (DrydockHarness harness = DrydockHarness.start(core)) {
            URI api = harness.uri();
            send(api, "POST", "v2/auth/register/", null, "{\"username\":\"ops\",\"password\":\"s3cret-pass\"}");
            String token = send(api, "POST", "v2/auth/login/", null,
                    "{\"username\":\"ops\",\"password\":\"s3cret-pass\"}").body()
                    .replaceAll(".*\"token\"\\s*:\\s*\"([0-9a-f]{40})\".*", "$1");
            send(api, "POST", "v2/apps/", token, "{\"id\":\"batch\"}");
            send(api, "POST", "v2/apps/batch/builds/", token, "{\"image\":\"example/batch:1\"}");

            HttpResponse<String> run = send(api, "POST", "v2/apps/batch/run", token, "{\"command\":\"rake db:migrate\"}");
            assertThat(run.statusCode()).isEqualTo(200);
            assertThat(run.body()).isEqualTo("{\"exit_code\":0,\"output\":\"batch ran rake db:migrate\\n\"}");
        }
    }

    @Test
    void aPathAppendedToTheUriAndOneResolvedAgainstItBothReachTheApi() {
        try (DrydockHarness harness = DrydockHarness.start()) {
            assertThat(Http.get(URI.create(harness.uri() + "/healthz"), null).statusCode()).isEqualTo(200);
            assertThat(Http.get(harness.uri().resolve("healthz"), null).statusCode()).isEqualTo(200);
            assertThat(Http.get(URI.create(harness.uri() + "/v2/apps"), null).statusCode())
                    .as("the API answers, asking for a token").isEqualTo(401);
        }
    }

    @Test
    void startingAndClosingAHarnessPrintsNothingAndClosesAtOnce() throws Exception {
        // A JVM of its own: java.util.logging's console handler keeps the stderr it found first,
        // so only a fresh JVM shows what a user's first harness prints.
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                // SLF4J's own note that the test project chose no logging backend is not the harness's
                "-Dslf4j.internal.verbosity=ERROR",
                HarnessStartsAndCloses.class.getName()).start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String stdout = read(process.getInputStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the JVM ended").isTrue();

        assertThat(stderr.get(10, TimeUnit.SECONDS)).as("stderr").isEmpty();
        assertThat(process.exitValue()).as("exit code; stdout: %s", stdout).isZero();
        assertThat(Long.parseLong(stdout.strip())).as("milliseconds to close").isLessThan(1000);
    }

    @Test
    void aResetEmptiesTheCoreBehindTheSameUri() {
        try (DrydockHarness harness = DrydockHarness.start()) {
            URI api = harness.uri();
            String ada = registerAndLogIn(api, "ada");
            assertThat(Http.post(api.resolve("v2/apps/"), "token " + ada, "{\"id\":\"web-shop\"}").statusCode())
                    .isEqualTo(201);
            assertThat(harness.cluster().hasSpace("web-shop")).isTrue();

            harness.reset();

            assertThat(harness.uri()).isEqualTo(api);
            assertThat(Http.get(api.resolve("v2/apps"), "token " + ada).statusCode()).as("the old token").isEqualTo(401);
            assertThat(harness.cluster().hasSpace("web-shop")).as("the cluster's record").isFalse();
            HttpResponse<String> again = Http.post(api.resolve("v2/auth/register/"), null,
                    "{\"username\":\"ada\",\"password\":\"s3cret-pass\"}");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
            assertThat(again.body()).as("the first user again").contains("\"is_superuser\":true");
            String token = logIn(api, "ada");
            HttpResponse<String> apps = Http.get(api.resolve("v2/apps"), "token " + token);
            assertThat(apps.body()).contains("\"count\":0");
        }
    }

    private static String registerAndLogIn(URI api, String username) {
        HttpResponse<String> registered = Http.post(api.resolve("v2/auth/register/"), null,
                "{\"username\":\"" + username + "\",\"password\":\"s3cret-pass\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return logIn(api, username);
    }

    static String logIn(URI api, String username) {
        return logIn(api, username, "s3cret-pass");
    }

    static String logIn(URI api, String username, String password) {
        HttpResponse<String> login = Http.post(api.resolve("v2/auth/login/"), null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return login.body().replaceAll(".*\"token\"\\s*:\\s*\"([0-9a-f]{40})\".*", "$1");
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(URI api, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
