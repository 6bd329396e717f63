package dev.drydock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.embedded.Drydock;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.RunResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
