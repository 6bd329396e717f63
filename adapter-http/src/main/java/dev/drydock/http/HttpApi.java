package dev.drydock.http;

import dev.drydock.http.internal.AccessLog;
import dev.drydock.http.internal.ApiHeadersFilter;
import dev.drydock.http.internal.ClientAborts;
import dev.drydock.http.internal.ConnectionCap;
import dev.drydock.http.internal.ErrorMapper;
import dev.drydock.http.internal.FrontDoor;
import dev.drydock.http.internal.Json;
import dev.drydock.http.internal.JsonBodyReader;
import dev.drydock.http.internal.JsonErrorPages;
import dev.drydock.http.internal.JsonHeaderErrors;
import dev.drydock.http.internal.MediaHeadersFilter;
import dev.drydock.http.internal.RequestTargetGuard;
import dev.drydock.http.internal.ResourceInstanceWarnings;
import dev.drydock.http.internal.Resources;
import dev.drydock.http.internal.SchedulerWork;
import dev.drydock.http.internal.TrailingSlashFilter;
import dev.drydock.http.internal.UpgradeRefusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.spi.AbstractContainerLifecycleListener;
import org.glassfish.jersey.server.spi.Container;

/**
 * The v2.3 REST API served by Grizzly. Start it with {@link #start}, stop it with {@link #close}.
 *
 * <pre>{@code
 * try (HttpApi api = HttpApi.start(services, "127.0.0.1", 0)) {
 *     URI base = api.uri();   // http://127.0.0.1:<free port>/
 * }
 * }</pre>
 */
public final class HttpApi implements AutoCloseable {
    private static final int SELECTOR_THREADS = 2;
    private static final long SHUTDOWN_GRACE_SECONDS = 5;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(SHUTDOWN_GRACE_SECONDS);
    // room for a whole answer in the connection's write queue, so a worker seldom waits on a peer
    private static final int PENDING_BYTES_PER_CONNECTION = 8 * 1024 * 1024;

    private final HttpServer server;
    private final URI uri;
    private final FrontDoor frontDoor;
    private final SchedulerWork schedulerWork;

    private HttpApi(HttpServer server, URI uri, FrontDoor frontDoor, SchedulerWork schedulerWork) {
        this.server = server;
        this.uri = uri;
        this.frontDoor = frontDoor;
        this.schedulerWork = schedulerWork;
    }

    /**
     * Starts serving the API.
     *
     * @param services the driving ports the API calls
     * @param host     the address to listen on, such as {@code 127.0.0.1} or {@code 0.0.0.0}
     * @param port     the port, or 0 for any free port (see {@link #port()})
     */
    public static HttpApi start(ApiServices services, String host, int port) {
        return start(services, host, port, HttpLimits.DEFAULT);
    }

    /**
     * Starts serving the API with limits of its own on what each client may cost.
     *
     * @see HttpLimits
     */
    public static HttpApi start(ApiServices services, String host, int port, HttpLimits limits) {
        return start(services, host, port, limits, RequestObserver.NONE);
    }

    /** Starts serving the API, telling {@code observer} of each answered request (for metrics). */
    public static HttpApi start(ApiServices services, String host, int port, HttpLimits limits,
                                RequestObserver observer) {
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(host, "host");
        URI requested = URI.create("http://" + hostForUri(host) + ":" + port + "/");
        SchedulerWork schedulerWork = new SchedulerWork(limits.deployWorkers());
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(requested,
                resourceConfig(services, schedulerWork, observer), false);
        ServerConfiguration configuration = server.getServerConfiguration();
        // Upstream reads bodies on DELETE too (cancel names the account); Grizzly refuses them by default.
        configuration.setAllowPayloadForUndefinedHttpMethods(true);
        FrontDoor frontDoor = guardJersey(configuration, limits);
        JsonErrorPages errorPages = new JsonErrorPages();
        configuration.setDefaultErrorPageGenerator(errorPages);
        NetworkListener listener = server.getListeners().iterator().next();
        listener.setDefaultErrorPageGenerator(errorPages);
        TCPNIOTransport transport = listener.getTransport();
        transport.setSelectorRunnersCount(SELECTOR_THREADS);
        // requests are read and parsed on the selector threads, which never block; the front door
        // then hands each to a thread of its own pools
        transport.setIOStrategy(SameThreadIOStrategy.getInstance());
        transport.setWorkerThreadPoolConfig(null);
        transport.setWriteTimeout(limits.writeDeadline().toMillis(), TimeUnit.MILLISECONDS);
        transport.setReadTimeout(limits.bodyDeadline().toMillis(), TimeUnit.MILLISECONDS);
        transport.getAsyncQueueIO().getWriter().setMaxPendingBytesPerConnection(PENDING_BYTES_PER_CONNECTION);
        transport.getConnectionMonitoringConfig().addProbes(new ConnectionCap(limits.maxConnections()));
        // a client may keep its connection as long as it uses it: under a connection cap, a client
        // made to reconnect every few hundred requests could find no room
        listener.getKeepAlive().setMaxRequestsCount(-1);
        // a connection that sends nothing (between requests, or a chunked body that never starts)
        // is closed after as long as a body may take
        listener.getKeepAlive().setIdleTimeoutInSeconds((int) Math.max(1, limits.bodyDeadline().toSeconds()));
        listener.registerAddOn(new JsonHeaderErrors());
        listener.registerAddOn(new UpgradeRefusal());
        try {
            server.start();
        } catch (IOException e) {
            server.shutdownNow();
            frontDoor.close();
            schedulerWork.close(Duration.ZERO);
            throw new UncheckedIOException("Could not listen on " + host + ":" + port, e);
        }
        URI actual = URI.create("http://" + hostForUri(host) + ":" + listener.getPort() + "/");
        return new HttpApi(server, actual, frontDoor, schedulerWork);
    }

    /**
     * The Jersey application of the API, for running it in another container. {@link #start} adds
     * what only Grizzly needs (worker pool, refusing upgrades, checking request targets and Host
     * headers before Jersey reads them, JSON error pages). Requests that wait on the scheduler run
     * on threads of their own, {@link HttpLimits#deployWorkers} of the defaults, which end with the
     * container.
     */
    public static ResourceConfig resourceConfig(ApiServices services) {
        SchedulerWork schedulerWork = new SchedulerWork(HttpLimits.DEFAULT.deployWorkers());
        return resourceConfig(services, schedulerWork, RequestObserver.NONE).register(new AbstractContainerLifecycleListener() {
            @Override
            public void onShutdown(Container container) {
                schedulerWork.close(SHUTDOWN_GRACE);
            }
        });
    }

    private static ResourceConfig resourceConfig(ApiServices services, SchedulerWork schedulerWork,
                                                 RequestObserver observer) {
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new Json.MapperResolver())
                .register(new JsonBodyReader())
                .register(new MediaHeadersFilter())
                .register(new TrailingSlashFilter())
                .register(new ApiHeadersFilter())
                .register(new AccessLog(observer))
                .register(new ErrorMapper());
        ResourceInstanceWarnings.quiet();
        ClientAborts.quiet();
        Resources.all(services, schedulerWork).forEach(config::register);
        return config;
    }

    /** The base URI, such as {@code http://127.0.0.1:8000/}; with port 0 it holds the port chosen. */
    public URI uri() {
        return uri;
    }

    /** The port listened on. */
    public int port() {
        return uri.getPort();
    }

    /**
     * Stops accepting requests, lets running ones finish for a few seconds, then stops. Calls to
     * the scheduler still running then get as long again to end (their clients get no answer), and
     * are then interrupted.
     */
    @Override
    public void close() {
        try {
            server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS).get(SHUTDOWN_GRACE_SECONDS + 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            server.shutdownNow();
        } finally {
            frontDoor.close();
            schedulerWork.close(SHUTDOWN_GRACE);
        }
    }

    /** Puts the {@link FrontDoor} and {@link RequestTargetGuard} in front of the Jersey container the factory registered. */
    private static FrontDoor guardJersey(ServerConfiguration configuration, HttpLimits limits) {
        Map<HttpHandler, HttpHandlerRegistration[]> handlers = Map.copyOf(configuration.getHttpHandlersWithMapping());
        if (handlers.size() != 1) {
            throw new IllegalStateException("Expected only Jersey's handler, found " + handlers.keySet());
        }
        Map.Entry<HttpHandler, HttpHandlerRegistration[]> jersey = handlers.entrySet().iterator().next();
        configuration.removeHttpHandler(jersey.getKey());
        FrontDoor frontDoor = new FrontDoor(new RequestTargetGuard(jersey.getKey()), limits);
        configuration.addHttpHandler(frontDoor, jersey.getValue());
        return frontDoor;
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
