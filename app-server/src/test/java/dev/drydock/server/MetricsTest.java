package dev.drydock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.embedded.Drydock;
import dev.drydock.http.HttpApi;
import dev.drydock.http.HttpLimits;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.jdbc.JdbcStorage;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.server.HttpTestClient.Reply;
import dev.drydock.server.internal.MetricsEndpoint;
import dev.drydock.server.internal.ServerMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} after a known sequence of requests, on the server wired as {@link Main} wires
 * it with a metrics port: H2 pools, the metered simulated scheduler, the HTTP observer.
 */
public class MetricsTest {
    private final HttpTestClient client = new HttpTestClient();

    @Test
    void eachFamilyCountsWhatTheRequestsDid(@TempDir Path data) throws Exception {
        ServerMetrics metrics = new ServerMetrics();
        SimulatedScheduler simulated = new SimulatedScheduler(Clock.systemUTC());
        try (Drydock drydock = Drydock.h2(data, JdbcStorage.Options.DEFAULT.withMetrics(metrics.pools()))
                .scheduler(metrics.metered(simulated)).build();
             HttpApi api = HttpApi.start(Main.services(drydock), "127.0.0.1", 0, HttpLimits.DEFAULT, metrics.http());
             MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, metrics::scrape)) {
            metrics.watch(drydock);
            URI base = api.uri();
            String token = client.signUp(base, "ada");
            assertThat(client.send(base, "POST", "v2/apps/", token, "{\"id\":\"metered-shop\"}").status())
                    .isEqualTo(201);
            assertThat(client.send(base, "POST", "v2/apps/metered-shop/builds/", token,
                    "{\"image\":\"example/web:1\"}").status()).isEqualTo(201);
            assertThat(client.send(base, "POST", "v2/apps/metered-shop/config/", token,
                    "{\"values\":{\"COLOUR\":\"blue\"}}").status()).isEqualTo(201);
            simulated.failNext(SimulatedScheduler.Operation.DEPLOY, DrydockException.invalid("image not found"));
            Reply failed = client.send(base, "POST", "v2/apps/metered-shop/config/", token,
                    "{\"values\":{\"COLOUR\":\"red\"}}");
            assertThat(failed.status()).isEqualTo(400);
            assertThat(client.send(base, "POST", "v2/apps/metered-shop/releases/rollback/", token,
                    "{\"version\":2}").status()).isEqualTo(201);
            assertThat(client.send(base, "GET", "v2/apps/metered-shop/config/", token, null).status())
                    .isEqualTo(200);
            assertThat(client.send(base, "GET", "v2/no/such/route", token, null).status()).isEqualTo(404);

            HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(endpoint.uri()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            String text = scrape.body();

            // HTTP: by route template (never the app's name), method and status, with latency buckets
            assertThat(value(text, "http_server_requests_seconds_count", "method", "POST",
                    "route", "/v2/apps/{id}/config", "status", "201")).isEqualTo(1);
            assertThat(value(text, "http_server_requests_seconds_count", "method", "POST",
                    "route", "/v2/apps/{id}/config", "status", "400")).isEqualTo(1);
            assertThat(value(text, "http_server_requests_seconds_count", "method", "GET",
                    "route", "/v2/apps/{id}/config", "status", "200")).isEqualTo(1);
            assertThat(value(text, "http_server_requests_seconds_count", "method", "POST",
                    "route", "/v2/apps/{id}/builds", "status", "201")).isEqualTo(1);
            assertThat(value(text, "http_server_requests_seconds_count", "method", "POST",
                    "route", "/v2/apps/{id}/releases/rollback", "status", "201")).isEqualTo(1);
            assertThat(value(text, "http_server_requests_seconds_count", "method", "POST",
                    "route", "/v2/auth/register", "status", "201")).isEqualTo(1);
            assertThat(value(text, "http_server_requests_seconds_count", "method", "GET", "route", "-",
                    "status", "404")).isEqualTo(1);
            assertThat(value(text, "http_server_requests_seconds_bucket", "method", "POST",
                    "route", "/v2/apps/{id}/builds", "status", "201", "le", "+Inf")).isEqualTo(1);
            assertThat(text).contains("# TYPE http_server_requests_seconds histogram")
                    .doesNotContain("metered-shop").doesNotContain(token);

            // deploys: two of a build and a config, one that failed, one rollback
            assertThat(value(text, "drydock_deploys_seconds_count", "kind", "deploy", "outcome", "ok")).isEqualTo(2);
            assertThat(value(text, "drydock_deploys_seconds_count", "kind", "deploy", "outcome", "failed"))
                    .isEqualTo(1);
            assertThat(value(text, "drydock_deploys_seconds_count", "kind", "rollback", "outcome", "ok"))
                    .isEqualTo(1);
            assertThat(value(text, "drydock_deploys_seconds_sum", "kind", "rollback", "outcome", "ok")).isPositive();

            // scheduler calls by operation, and the one error by kind
            assertThat(value(text, "drydock_scheduler_calls_seconds_count", "operation", "deploy", "outcome", "ok"))
                    .isEqualTo(3);
            assertThat(value(text, "drydock_scheduler_calls_seconds_count", "operation", "deploy",
                    "outcome", "error")).isEqualTo(1);
            assertThat(value(text, "drydock_scheduler_calls_seconds_count", "operation", "create", "outcome", "ok"))
                    .isEqualTo(1);
            assertThat(value(text, "drydock_scheduler_errors_total", "operation", "deploy",
                    "error", "InvalidException")).isEqualTo(1);

            // the store's totals
            assertThat(value(text, "drydock_users")).isEqualTo(1);
            assertThat(value(text, "drydock_apps")).isEqualTo(1);

            // the JDBC pools, by name
            for (String pool : List.of("drydock-writes", "drydock-reads")) {
                assertThat(value(text, "hikaricp_connections_max", "pool", pool)).isEqualTo(10);
                assertThat(value(text, "hikaricp_connections_acquire_seconds_count", "pool", pool)).isPositive();
            }

            // the JVM: memory, GC, threads, classes, CPU
            // (one heap pool may hold nothing at the moment of the scrape: no value is checked)
            value(text, "jvm_memory_used_bytes", "area", "heap", "id", "*");
            assertThat(text).contains("jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads",
                    "jvm_classes_loaded_classes", "process_cpu_usage", "system_cpu_count", "process_uptime_seconds");
        } finally {
            metrics.close();
        }
    }

    @Test
    void theEndpointServesOnlyGetAndHeadAtMetrics() throws Exception {
        try (ServerMetrics metrics = new ServerMetrics();
             MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, metrics::scrape)) {
            HttpClient http = HttpClient.newHttpClient();
            URI other = endpoint.uri().resolve("/v2/apps/");
            assertThat(http.send(HttpRequest.newBuilder(other).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(endpoint.uri())
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
    }

    /**
     * The value of the one sample of {@code name} whose labels include these pairs ({@code *} for
     * any value; the first matching sample when several match), failing when there is none.
     */
    public static double value(String text, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{.*\\})? (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(text);
        while (matcher.find()) {
            String set = matcher.group(1) == null ? "" : matcher.group(1);
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                String pair = labels[i] + "=\"" + (labels[i + 1].equals("*") ? "" : labels[i + 1]);
                all &= labels[i + 1].equals("*") ? set.contains(pair) : set.contains(pair + "\"");
            }
            if (all) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        throw new AssertionError("no sample " + name + " with " + String.join(",", labels) + " in\n" + text);
    }
}
