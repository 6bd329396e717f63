package dev.drydock.server.internal;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.drydock.embedded.Drydock;
import dev.drydock.http.RequestObserver;
import dev.drydock.ports.spi.Scheduler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's meters, scraped in the Prometheus text format. Each part of the server is handed
 * the hook it reports through: the HTTP API a {@link RequestObserver}, the scheduler a
 * {@link MeteredScheduler} around it, the JDBC pools HikariCP's Micrometer tracker; the store's
 * totals are read when scraped ({@link #watch}). The JVM's own meters are bound at once.
 */
public final class ServerMetrics implements AutoCloseable {
    static final String HTTP = "http.server.requests";
    static final String USERS = "drydock.users";
    static final String APPS = "drydock.apps";
    private static final Logger LOG = LoggerFactory.getLogger(ServerMetrics.class);
    // most answers take milliseconds; those that wait on a rollout, up to the deploy timeout
    private static final Duration[] HTTP_BUCKETS = {ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500),
        ms(1_000), ms(2_500), ms(5_000), ms(10_000), ms(30_000), ms(60_000), ms(120_000)};
    // scrapes every 15 s or so, from one or two scrapers, read the store at most this often
    private static final Duration TOTALS_AGE = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Duration totalsAge;

    public ServerMetrics() {
        this(TOTALS_AGE);
    }

    /** Meters whose store totals are read again once older than {@code totalsAge}. */
    ServerMetrics(Duration totalsAge) {
        this.totalsAge = totalsAge;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The registry, for what else a host wants to meter. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter now, in the Prometheus text format (0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * Times each answered request as {@value #HTTP} by {@code method}, {@code route} (the template,
     * never the raw path, so the number of series stays bounded) and {@code status}.
     */
    public RequestObserver http() {
        return (method, route, status, elapsed) -> Timer.builder(HTTP)
                .description("Requests the API answered, by route template, method and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .serviceLevelObjectives(HTTP_BUCKETS)
                .register(registry)
                .record(elapsed.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The scheduler, its calls and deploys timed (see {@link MeteredScheduler}). */
    public Scheduler metered(Scheduler scheduler) {
        return new MeteredScheduler(scheduler, registry);
    }

    /** For the JDBC store's options: each pool's connections, waits and timeouts, tagged by pool. */
    public MetricsTrackerFactory pools() {
        return new MicrometerMetricsTrackerFactory(registry);
    }

    /**
     * Adds gauges of the store's user accounts ({@value #USERS}) and apps ({@value #APPS}). They
     * are read together, at most once every few seconds, when scraped; when the store cannot be
     * read, each keeps its last value (NaN before the first read) and the scrape still succeeds.
     */
    public void watch(Drydock drydock) {
        // held strongly: Micrometer holds a gauge's object weakly, and nothing else holds this one
        Totals totals = new Totals(drydock, totalsAge);
        Gauge.builder(USERS, totals, t -> t.value(Drydock.Totals::users))
                .description("User accounts in the store (every account is active: the API cannot deactivate one)")
                .strongReference(true)
                .register(registry);
        Gauge.builder(APPS, totals, t -> t.value(Drydock.Totals::apps))
                .description("Apps in the store")
                .strongReference(true)
                .register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** The store's totals as last read, read again when older than their age. */
    private static final class Totals {
        private final Drydock drydock;
        private final long maxAge;
        private Drydock.Totals last;
        private long readAt;
        private boolean failing;

        Totals(Drydock drydock, Duration maxAge) {
            this.drydock = drydock;
            this.maxAge = maxAge.toNanos();
        }

        synchronized double value(java.util.function.ToLongFunction<Drydock.Totals> part) {
            long now = System.nanoTime();
            if (last == null && !failing || now - readAt >= maxAge) {
                readAt = now;
                try {
                    last = drydock.totals();
                    failing = false;
                } catch (RuntimeException e) {
                    // once per outage: a store that is down says so in its own logs and in /readyz
                    if (!failing) {
                        LOG.warn("metrics: cannot count users and apps: {}", e.toString());
                    }
                    failing = true;
                }
            }
            return last == null ? Double.NaN : part.applyAsLong(last);
        }
    }
}
