package dev.drydock.http;

import dev.drydock.http.internal.ApiHeadersFilter;
import dev.drydock.http.internal.ErrorMapper;
import dev.drydock.http.internal.Json;
import dev.drydock.http.internal.JsonBodyReader;
import dev.drydock.http.internal.JsonErrorPages;
import dev.drydock.http.internal.MediaHeadersFilter;
import dev.drydock.http.internal.RequestTargetGuard;
import dev.drydock.http.internal.ResourceInstanceWarnings;
import dev.drydock.http.internal.Resources;
import dev.drydock.http.internal.TrailingSlashFilter;
import dev.drydock.http.internal.UpgradeRefusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

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
    /** Requests are blocking calls into the core; a small fixed pool suits a small machine. */
    private static final int WORKER_THREADS = 16;
    private static final int SELECTOR_THREADS = 2;
    private static final long SHUTDOWN_GRACE_SECONDS = 5;

    private final HttpServer server;
    private final URI uri;

    private HttpApi(HttpServer server, URI uri) {
        this.server = server;
        this.uri = uri;
    }

    /**
     * Starts serving the API.
     *
     * @param services the driving ports the API calls
     * @param host     the address to listen on, such as {@code 127.0.0.1} or {@code 0.0.0.0}
     * @param port     the port, or 0 for any free port (see {@link #port()})
     */
    public static HttpApi start(ApiServices services, String host, int port) {
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(host, "host");
        URI requested = URI.create("http://" + hostForUri(host) + ":" + port + "/");
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(requested, resourceConfig(services), false);
        ServerConfiguration configuration = server.getServerConfiguration();
        // Upstream reads bodies on DELETE too (cancel names the account); Grizzly refuses them by default.
        configuration.setAllowPayloadForUndefinedHttpMethods(true);
        guardJersey(configuration);
        JsonErrorPages errorPages = new JsonErrorPages();
        configuration.setDefaultErrorPageGenerator(errorPages);
        NetworkListener listener = server.getListeners().iterator().next();
        listener.setDefaultErrorPageGenerator(errorPages);
        listener.getTransport().setSelectorRunnersCount(SELECTOR_THREADS);
        listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                .setPoolName("drydock-http")
                .setCorePoolSize(WORKER_THREADS)
                .setMaxPoolSize(WORKER_THREADS));
        listener.registerAddOn(new UpgradeRefusal());
        try {
            server.start();
        } catch (IOException e) {
            server.shutdownNow();
            throw new UncheckedIOException("Could not listen on " + host + ":" + port, e);
        }
        URI actual = URI.create("http://" + hostForUri(host) + ":" + listener.getPort() + "/");
        return new HttpApi(server, actual);
    }

    /**
     * The Jersey application of the API, for running it in another container. {@link #start} adds
     * what only Grizzly needs (worker pool, refusing upgrades, checking request targets and Host
     * headers before Jersey reads them, JSON error pages).
     */
    public static ResourceConfig resourceConfig(ApiServices services) {
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
                .register(new ErrorMapper());
        ResourceInstanceWarnings.quiet();
        Resources.all(services).forEach(config::register);
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

    /** Stops accepting requests, lets running ones finish for a few seconds, then stops. */
    @Override
    public void close() {
        try {
            server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS).get(SHUTDOWN_GRACE_SECONDS + 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            server.shutdownNow();
        }
    }

    /** Puts {@link RequestTargetGuard} in front of the Jersey container the factory registered. */
    private static void guardJersey(ServerConfiguration configuration) {
        Map<HttpHandler, HttpHandlerRegistration[]> handlers = Map.copyOf(configuration.getHttpHandlersWithMapping());
        if (handlers.size() != 1) {
            throw new IllegalStateException("Expected only Jersey's handler, found " + handlers.keySet());
        }
        Map.Entry<HttpHandler, HttpHandlerRegistration[]> jersey = handlers.entrySet().iterator().next();
        configuration.removeHttpHandler(jersey.getKey());
        configuration.addHttpHandler(new RequestTargetGuard(jersey.getKey()), jersey.getValue());
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
