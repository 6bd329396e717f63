package dev.drydock.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.http.ApiFixture.Reply;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One access line per request, with what an operator needs and nothing a client must keep secret. */
class AccessLogTest {
    private static List<String> access(List<String> lines) {
        return lines.stream().filter(line -> line.contains(" drydock.access - ")).toList();
    }

    @Test
    void eachRequestIsOneLineWithItsRouteStatusDurationUserAndId() throws InterruptedException {
        try (ApiFixture api = ApiFixture.start()) {
            String token = api.user("ada");
            Reply created = api.post("/v2/apps/", token, ApiFixture.json("id", "secret-shop"));
            assertThat(created.status()).isEqualTo(201);

            Reply config;
            Reply missing;
            List<String> lines;
            // the setup's lines are written by the log's own thread: let them out before listening
            dev.drydock.http.internal.AccessLogs.awaitWritten();
            try (CapturedLogs logs = new CapturedLogs()) {
                config = api.get("/v2/apps/secret-shop/config/", token);
                missing = api.get("/v2/nowhere/at/all", null);
                dev.drydock.http.internal.AccessLogs.awaitWritten();
                lines = access(logs.slf4j());
            }

            assertThat(config.status()).isEqualTo(200);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).matches(".* GET /v2/apps/\\{id\\}/config 200 [0-9]+\\.[0-9]{3} ms user=ada id="
                    + config.header("X-Request-Id"));
            assertThat(config.header("X-Request-Id")).matches("[0-9a-f]{24}");
            // the template, not the path: app names, domains and keys stay out of the log
            assertThat(lines.get(0)).doesNotContain("secret-shop").doesNotContain(token);
            assertThat(lines.get(1)).matches(".* GET - 404 [0-9.]+ ms user=- id=" + missing.header("X-Request-Id"));
        }
    }

    @Test
    void credentialsNeverReachTheLog() throws InterruptedException {
        try (ApiFixture api = ApiFixture.start()) {
            String token = api.user("ada");
            List<String> everything;
            dev.drydock.http.internal.AccessLogs.awaitWritten();
            try (CapturedLogs logs = new CapturedLogs()) {
                assertThat(api.post("/v2/auth/login/", null,
                        ApiFixture.json("username", "ada", "password", "s3cret-in-body")).status()).isEqualTo(400);
                assertThat(api.get("/v2/auth/whoami", token).status()).isEqualTo(200);
                assertThat(api.post("/v2/keys/", token, ApiFixture.json("id", "laptop",
                        "public", "ssh-ed25519 AAAAnot-a-key")).status()).isEqualTo(400);
                dev.drydock.http.internal.AccessLogs.awaitWritten();
                everything = logs.slf4j();
            }

            assertThat(access(everything)).hasSize(3);
            assertThat(String.join("\n", everything)).doesNotContain("s3cret-in-body").doesNotContain(token)
                    .doesNotContain("AAAAnot-a-key");
        }
    }

    @Test
    void aWellFormedRequestIdFromTheClientIsKeptAndAForgedOneReplaced() {
        try (ApiFixture api = ApiFixture.start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Reply kept = ApiFixture.exchange(client, HttpRequest.newBuilder(api.uri("/healthz"))
                    .timeout(Duration.ofSeconds(10)).header("X-Request-Id", "proxy-2f9c:17").build());
            Reply replaced = ApiFixture.exchange(client, HttpRequest.newBuilder(api.uri("/healthz"))
                    .timeout(Duration.ofSeconds(10)).header("X-Request-Id", "x\" user=admin id=forged").build());

            assertThat(kept.header("X-Request-Id")).isEqualTo("proxy-2f9c:17");
            assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f]{24}");
        }
    }
}
