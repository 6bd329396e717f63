package dev.drydock.testing;

import dev.drydock.embedded.Drydock;
import dev.drydock.http.ApiServices;
import dev.drydock.http.HttpApi;
import dev.drydock.ports.usecase.Accounts;
import dev.drydock.ports.usecase.Apps;
import dev.drydock.ports.usecase.BuilderHooks;
import dev.drydock.ports.usecase.Builds;
import dev.drydock.ports.usecase.Certificates;
import dev.drydock.ports.usecase.Collaborators;
import dev.drydock.ports.usecase.Configs;
import dev.drydock.ports.usecase.Domains;
import dev.drydock.ports.usecase.Keys;
import dev.drydock.ports.usecase.Processes;
import dev.drydock.ports.usecase.Releases;
import dev.drydock.ports.usecase.TlsSettings;
import dev.drydock.ports.usecase.Users;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;

/**
 * The full HTTP API on a free loopback port, on in-memory storage (or any store its builder
 * names) and the simulated scheduler — for testing tools that talk to a Drycc controller.
 *
 * <pre>{@code
 * try (DrydockHarness harness = DrydockHarness.start()) {
 *     URI api = harness.uri();                                   // point the client under test here
 *     HttpRequest health = HttpRequest.newBuilder(api.resolve("healthz")).build();
 *     harness.cluster().running("web-shop");                     // what the cluster was asked to run
 * }
 * }</pre>
 *
 * It keeps Grizzly's and Jersey's own start and stop lines (java.util.logging, printed to stderr
 * by default) out of the test's output; their warnings still show.
 */
public final class DrydockHarness implements AutoCloseable {
    private final Drydock.Builder builder;
    private final HttpApi api;
    private final SimulatedCluster cluster = new SchedulerCluster(() -> drydock().scheduler());
    // the API reads it on every call, so a reset swaps the whole core behind the same port
    private volatile Drydock drydock;

    private DrydockHarness(Drydock.Builder builder, Drydock drydock) {
        this.builder = builder;
        this.drydock = drydock;
        this.api = HttpApi.start(services(), "127.0.0.1", 0);
    }

    /** Starts a harness with default settings, on an in-memory core. */
    public static DrydockHarness start() {
        return start(Drydock.inMemory());
    }

    /** Starts a harness on a core configured by the given builder (settings, run handler, nodes). */
    public static DrydockHarness start(Drydock.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        QuietServer.install();
        Drydock drydock = builder.build();
        try {
            return new DrydockHarness(builder, drydock);
        } catch (RuntimeException e) {
            drydock.close();
            throw e;
        }
    }

    // The server's Main hands the same use cases to the API; here each one forwards to the core
    // of the moment, so that reset() needs no new server.
    private ApiServices services() {
        return new ApiServices(current(Accounts.class, Drydock::accounts),
                current(Users.class, Drydock::users),
                current(Apps.class, Drydock::apps),
                current(Keys.class, Drydock::keys),
                current(Collaborators.class, Drydock::collaborators),
                current(Configs.class, Drydock::configs),
                current(Builds.class, Drydock::builds),
                current(Releases.class, Drydock::releases),
                current(Processes.class, Drydock::processes),
                current(Domains.class, Drydock::domains),
                current(Certificates.class, Drydock::certificates),
                current(TlsSettings.class, Drydock::tls),
                current(BuilderHooks.class, Drydock::hooks),
                () -> drydock.ready());
    }

    private <T> T current(Class<T> type, Function<Drydock, T> part) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> type.getSimpleName() + " of the harness's current core";
                };
            }
            try {
                return method.invoke(part.apply(drydock), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    /**
     * The API's base address, e.g. {@code http://127.0.0.1:41234/}. It ends in {@code /}:
     * {@code uri().resolve("v2/apps")} and {@code uri() + "/v2/apps"} both reach {@code /v2/apps}.
     */
    public URI uri() {
        return api.uri();
    }

    /** The core behind the API, for setting up or checking state without HTTP; a new one after {@link #reset()}. */
    public Drydock drydock() {
        return drydock;
    }

    /**
     * The simulated cluster the core runs apps on: what it was asked to do, and its fault hooks.
     * Its methods throw {@link IllegalStateException} when the harness was started on a builder
     * with another scheduler.
     */
    public SimulatedCluster cluster() {
        return cluster;
    }

    /**
     * Closes the core and puts a new one built by the same builder behind the same URI: on
     * {@link Drydock#inMemory()}, no users, tokens, apps or cluster state are left, and the next user
     * to register is a superuser again. A core on a database reopens that database, data and all;
     * a scheduler passed to the builder is shared by the new core as by the old. Call it while no
     * request is in flight.
     */
    public synchronized void reset() {
        Drydock old = drydock;
        old.close();
        drydock = builder.build();
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
