package dev.drydock.server.process;

import static dev.drydock.server.MetricsTest.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.server.HttpTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar with a metrics port: where it is, and that Main wires every family to it. */
class MetricsProcessIT {
    private static final Pattern METRICS = Pattern.compile("metrics: (http://\\S+/metrics) \\(Prometheus text format\\)");

    @TempDir
    Path work;

    @Test
    void theMetricsPortIsLoggedAndServesEveryFamily() throws Exception {
        Path log = ServerProcess.freshLog("metrics");
        try (ServerProcess server = ServerProcess.start(ServerProcess.jar(), work, log,
                List.of("--data-dir", work.resolve("data").toString()), Map.of("DRYDOCK_METRICS_PORT", "0"))) {
            Matcher logged = METRICS.matcher(server.output());
            assertThat(logged.find()).as(server.output()).isTrue();
            URI metrics = URI.create(logged.group(1));
            assertThat(metrics.getPort()).isNotEqualTo(server.uri().getPort());
            HttpTestClient client = new HttpTestClient();
            String token = client.signUp(server.uri(), "ada");
            assertThat(client.send(server.uri(), "POST", "v2/apps/", token, "{\"id\":\"counted\"}").status())
                    .isEqualTo(201);
            assertThat(client.send(server.uri(), "POST", "v2/apps/counted/builds/", token,
                    "{\"image\":\"example/web:1\"}").status()).isEqualTo(201);

            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();

            assertThat(value(text, "http_server_requests_seconds_count", "method", "POST", "route", "/v2/apps",
                    "status", "201")).isEqualTo(1);
            assertThat(value(text, "drydock_deploys_seconds_count", "kind", "deploy", "outcome", "ok")).isEqualTo(1);
            assertThat(value(text, "drydock_scheduler_calls_seconds_count", "operation", "create", "outcome", "ok"))
                    .isEqualTo(1);
            assertThat(value(text, "drydock_users")).isEqualTo(1);
            assertThat(value(text, "drydock_apps")).isEqualTo(1);
            assertThat(value(text, "hikaricp_connections_max", "pool", "drydock-writes")).isEqualTo(10);
            assertThat(value(text, "jvm_threads_live_threads")).isPositive();
        }
    }

    @Test
    void withoutAMetricsPortTheLogSaysMetricsAreOff() throws Exception {
        Path log = ServerProcess.freshLog("metrics-off");
        try (ServerProcess server = ServerProcess.start(ServerProcess.jar(), work, log,
                List.of("--storage", "memory"), Map.of())) {
            assertThat(server.output()).contains("metrics: off (set --metrics-port or DRYDOCK_METRICS_PORT)");
        }
    }
}
