package dev.drydock.testing;

import dev.drydock.embedded.Drydock;
import dev.drydock.http.ApiServices;
import dev.drydock.http.HttpApi;
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
            HttpApi api = HttpApi.start(services(drydock), "127.0.0.1", 0);
            return new DrydockHarness(drydock, api);
        } catch (RuntimeException e) {
            drydock.close();
            throw e;
        }
    }

    // The server's Main hands the same use cases to the API; the harness has no Guice of its own.
    private static ApiServices services(Drydock drydock) {
        return new ApiServices(drydock.accounts(), drydock.users(), drydock.apps(), drydock.keys(),
                drydock.collaborators(), drydock.configs(), drydock.builds(), drydock.releases(), drydock.processes(),
                drydock.domains(), drydock.certificates(), drydock.tls(), drydock.hooks(), drydock::ready);
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
