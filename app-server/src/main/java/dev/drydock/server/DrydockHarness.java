package dev.drydock.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.drydock.http.ApiServices;
import dev.drydock.http.HttpApi;
import dev.drydock.server.internal.HttpModule;
import java.net.URI;

/**
 * The full HTTP API on a free loopback port, on in-memory storage (or any store its builder
 * names) and the simulated scheduler — for testing tools that talk to a Drycc controller.
 *
 * <pre>{@code
 * try (DrydockHarness harness = DrydockHarness.start()) {
 *     URI api = harness.uri();   // point the client under test here
 * }
 * }</pre>
 */
public final class DrydockHarness implements AutoCloseable {
    private final Drydock drydock;
    private final HttpApi api;

    private DrydockHarness(Drydock drydock, HttpApi api) {
        this.drydock = drydock;
        this.api = api;
    }

    /** Starts a harness with default settings. */
    public static DrydockHarness start() {
        return start(Drydock.inMemory());
    }

    /** Starts a harness on a core configured by the given builder (settings, run handler, nodes). */
    public static DrydockHarness start(Drydock.Builder builder) {
        Drydock drydock = builder.build();
        try {
            Injector http = drydock.injector().createChildInjector(new HttpModule());
            HttpApi api = HttpApi.start(http.getInstance(ApiServices.class), "127.0.0.1", 0);
            return new DrydockHarness(drydock, api);
        } catch (RuntimeException e) {
            drydock.close();
            throw e;
        }
    }

    /** The API's base address, e.g. {@code http://127.0.0.1:41234/}. */
    public URI uri() {
        return api.uri();
    }

    /** The core behind the API, for setting up or checking state without HTTP. */
    public Drydock drydock() {
        return drydock;
    }

    /** Stops the API and closes the Drydock behind it. */
    @Override
    public void close() {
        try {
            api.close();
        } finally {
            drydock.close();
        }
    }
}
