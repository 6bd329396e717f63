package dev.drydock.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.core.DrydockCore;
import dev.drydock.core.Settings;
import dev.drydock.inmemory.SimulatedScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** The HTTP API on a free port over the real core on a fresh {@link TestStore}, and a client for it. */
final class ApiFixture extends ApiClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "s3cret-pass";

    final TestStore store = TestStore.fresh();
    final SimulatedScheduler scheduler = new SimulatedScheduler(Clock.systemUTC());
    final DrydockCore core;
    final HttpApi api;
    final AtomicBoolean ready = new AtomicBoolean(true);
    /** Runs on the worker that answers {@code /readiness}, before the store is asked: a test can hold a worker with it. */
    volatile Runnable whileCheckingReadiness = () -> { };

    private ApiFixture(Settings settings, HttpLimits limits) {
        core = new DrydockCore(store.transactions, scheduler, store.deployLock, store.log, Clock.systemUTC(), settings);
        api = HttpApi.start(services(core, () -> {
            whileCheckingReadiness.run();
            return ready.get();
        }), "127.0.0.1", 0, limits);
    }

    static ApiFixture start() {
        return start(Settings.defaults());
    }

    static ApiFixture start(Settings settings) {
        return new ApiFixture(settings.withPasswordIterations(1000), HttpLimits.DEFAULT);
    }

    /** With limits of its own. */
    static ApiFixture start(HttpLimits limits) {
        return new ApiFixture(Settings.defaults().withPasswordIterations(1000), limits);
    }

    /** With the platform's own password iterations (slow, as in production) and limits of its own. */
    static ApiFixture startAsInProduction(HttpLimits limits) {
        return new ApiFixture(Settings.defaults(), limits);
    }

    static ApiServices services(DrydockCore core, AtomicBoolean ready) {
        return services(core, ready::get);
    }

    static ApiServices services(DrydockCore core, java.util.function.BooleanSupplier ready) {
        return new ApiServices(core.accounts(), core.users(), core.apps(), core.keys(), core.collaborators(),
                core.configs(), core.builds(), core.releases(), core.processes(), core.domains(),
                core.certificates(), core.tls(), core.hooks(), ready);
    }

    @Override
    public void close() {
        api.close();
        store.close();
    }

    @Override
    URI base() {
        return api.uri();
    }

    static Reply exchange(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            // every answer a test sees is held to the OpenAPI document, so the document cannot drift
            OpenApiDocument.INSTANCE.check(request.method(), request.uri(), response.statusCode(),
                    response.headers().firstValue("Content-Type"), response.body());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JSON text from alternating keys and values. */
    static String json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response as the client saw it. */
    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
