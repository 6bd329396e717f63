package dev.drydock.server;

import dev.drydock.core.Settings;
import dev.drydock.embedded.Drydock;
import dev.drydock.http.ApiServices;
import dev.drydock.http.HttpApi;
import dev.drydock.http.HttpLimits;
import dev.drydock.http.RequestObserver;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.jdbc.JdbcStorage;
import dev.drydock.k8s.ClusterAccess;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.SchedulerCapabilities;
import dev.drydock.server.internal.MetricsEndpoint;
import dev.drydock.server.internal.Schedulers;
import dev.drydock.server.internal.ServerMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The standalone server: {@code java -jar drydock-server.jar [--host H] [--port N] [--storage ...]}. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        ServerConfig config;
        HttpLimits httpLimits;
        try {
            config = ServerConfig.from(args, System.getenv());
            httpLimits = ServerConfig.httpLimits(System.getenv());
        } catch (ServerConfig.InfoRequested e) {
            System.out.println(e.getMessage());
            System.exit(0);
            return;
        } catch (ServerConfig.UsageException | IllegalArgumentException e) {
            System.err.println("drydock: " + e.getMessage());
            System.exit(2);
            return;
        }
        // no meters at all unless someone will scrape them
        ServerMetrics metrics = config.metricsPort().isPresent() ? new ServerMetrics() : null;
        Drydock.Builder builder = builder(config.storage(), metrics).settings(config.settings());
        String cluster = "";
        if (config.scheduler().kind() == ServerConfig.SchedulerKind.KUBERNETES) {
            try {
                ClusterAccess access = ClusterAccess.find(config.scheduler().kubeconfig(),
                        Path.of(System.getProperty("user.home")), System.getenv(), config.scheduler().callTimeout());
                Scheduler kubernetes = Schedulers.kubernetes(access.client(), config.scheduler());
                builder.scheduler(metrics == null ? kubernetes : metrics.metered(kubernetes));
                cluster = " on " + access.description();
            } catch (IllegalStateException | IllegalArgumentException e) {
                System.err.println("drydock: cannot use the kubernetes scheduler: " + e.getMessage());
                System.exit(2);
                return;
            }
        } else if (metrics != null) {
            builder.scheduler(metrics.metered(new SimulatedScheduler(Clock.systemUTC())));
        }
        Drydock drydock;
        try {
            drydock = builder.build();
        } catch (RuntimeException e) {
            System.err.println("drydock: cannot open the store (" + config.storage() + "): " + e.getMessage());
            System.exit(2);
            return;
        }
        // bound before the API, so a taken metrics port stops a server that never served
        MetricsEndpoint metricsEndpoint = null;
        if (metrics != null) {
            metrics.watch(drydock);
            try {
                metricsEndpoint = MetricsEndpoint.start(config.host(), config.metricsPort().get(), metrics::scrape);
            } catch (java.io.UncheckedIOException e) {
                drydock.close();
                System.err.println("drydock: cannot listen on " + config.host() + ":" + config.metricsPort().get()
                        + " for /metrics: " + bindProblem(e.getCause()));
                System.exit(2);
                return;
            }
        }

        HttpApi api;
        try {
            api = HttpApi.start(services(drydock), config.host(), config.port(), httpLimits,
                    metrics == null ? RequestObserver.NONE : metrics.http());
        } catch (java.io.UncheckedIOException e) {
            if (metricsEndpoint != null) {
                metricsEndpoint.close();
            }
            drydock.close();
            System.err.println("drydock: cannot listen on " + config.host() + ":" + config.port() + ": "
                    + bindProblem(e.getCause()));
            System.exit(2);
            return;
        }

        SchedulerCapabilities scheduler = drydock.schedulerCapabilities();
        LOG.info("{}", ServerConfig.version());
        LOG.info("storage: {}", drydock.storage());
        LOG.info("scheduler: {}{} ({})", scheduler.name(), cluster, scheduler.runsWorkloads()
                ? "deploys wait up to " + config.scheduler().deployTimeout().toSeconds() + " s for a rollout"
                : "runs no workloads: deploys, scaling and pods are recorded, not run");
        LOG.info("registration mode: {}; builder hooks: {}",
                config.settings().registrationMode().name().toLowerCase(Locale.ROOT),
                config.settings().builderKey().isPresent() ? "enabled" : "disabled (no DRYCC_BUILDER_KEY)");
        Settings.Limits limits = config.settings().limits();
        LOG.info("limits: {} processes of one type, configs of {} bytes and {} keys per field, {} items a page",
                limits.processesPerType(), limits.configBytes(), limits.configKeys(), limits.pageSize());
        LOG.info("http: {} workers with a queue of {}, bodies within {} s, answers read within {} s, {} connections, "
                        + "{} requests waiting on the scheduler", httpLimits.workers(), httpLimits.queue(),
                httpLimits.bodyDeadline().toSeconds(), httpLimits.writeDeadline().toSeconds(),
                httpLimits.maxConnections(), httpLimits.deployWorkers());
        LOG.info("metrics: {}", metricsEndpoint == null ? "off (set --metrics-port or DRYDOCK_METRICS_PORT)"
                : metricsEndpoint.uri() + " (Prometheus text format)");
        // last, so that whoever waits for it knows every other line is out
        LOG.info("Drydock listening on {} (Drycc controller API 2.3) with {} storage and the {} scheduler", api.uri(),
                storeName(config.storage()), scheduler.name());

        CountDownLatch stopped = new CountDownLatch(1);
        MetricsEndpoint scrapes = metricsEndpoint;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            try {
                if (scrapes != null) {
                    scrapes.close();
                }
                api.close();
            } finally {
                // after the last request: every acknowledged write is in the store, and H2's file is closed cleanly
                drydock.close();
                stopped.countDown();
            }
        }, "drydock-shutdown"));
        stopped.await();
    }

    private static String storeName(ServerConfig.StorageConfig storage) {
        return switch (storage.kind()) {
            case MEMORY -> "in-memory";
            case H2 -> "H2";
            case DATABASE -> storage.databaseUrl().startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";
        };
    }

    /** Why an address cannot be bound, in a few words (the JDK's own are terse). */
    private static String bindProblem(Throwable cause) {
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        if (message.contains("already in use")) {
            return "the port is already in use";
        }
        if (message.contains("assign requested address")) {
            return "that address is not one of this machine's";
        }
        if (message.contains("Permission denied")) {
            return "permission denied (ports below 1024 need privileges)";
        }
        return message.isEmpty() ? String.valueOf(cause) : message;
    }

    // Readiness asks the store for something real, as upstream runs a query.
    static ApiServices services(Drydock drydock) {
        return new ApiServices(drydock.accounts(), drydock.users(), drydock.apps(), drydock.keys(),
                drydock.collaborators(), drydock.configs(), drydock.builds(), drydock.releases(), drydock.processes(),
                drydock.domains(), drydock.certificates(), drydock.tls(), drydock.hooks(), drydock::ready);
    }

    private static Drydock.Builder builder(ServerConfig.StorageConfig storage, ServerMetrics metrics) {
        JdbcStorage.Options sized = storage.poolSize()
                .map(size -> new JdbcStorage.Options(size, JdbcStorage.Options.DEFAULT.connectionTimeout()))
                .orElse(JdbcStorage.Options.DEFAULT);
        JdbcStorage.Options options = metrics == null ? sized : sized.withMetrics(metrics.pools());
        return switch (storage.kind()) {
            case MEMORY -> Drydock.inMemory();
            case H2 -> Drydock.h2(storage.dataDir(), options);
            case DATABASE -> Drydock.database(storage.databaseUrl(), storage.user(), storage.password(), options);
        };
    }
}
