package dev.drydock.server.internal;

import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.RunResult;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.SchedulerCapabilities;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A scheduler that times every call of the one it wraps, for {@code /metrics}:
 * <ul>
 *   <li>{@value #CALLS} by {@code operation} and {@code outcome} ({@code ok}, {@code error});</li>
 *   <li>{@value #ERRORS} by {@code operation} and {@code error} (the exception's simple name, such
 *       as {@code UnavailableException});</li>
 *   <li>{@value #DEPLOYS} by {@code kind} ({@code deploy}, or {@code rollback}: a plan with
 *       {@link DeployPlan#force()}) and {@code outcome} ({@code ok}, {@code failed}: it threw).</li>
 * </ul>
 * A call's answer and exception pass through unchanged.
 */
public final class MeteredScheduler implements Scheduler {
    static final String CALLS = "drydock.scheduler.calls";
    static final String ERRORS = "drydock.scheduler.errors";
    static final String DEPLOYS = "drydock.deploys";
    // a rollout may take up to the deploy timeout (120 s by default), a one-off run longer
    private static final Duration[] SCHEDULER_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
            10, 30, 60, 120, 300);
    private static final Duration[] DEPLOY_BUCKETS = seconds(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600);

    private final Scheduler scheduler;
    private final MeterRegistry registry;

    public MeteredScheduler(Scheduler scheduler, MeterRegistry registry) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The scheduler this one times. */
    public Scheduler unwrap() {
        return scheduler;
    }

    @Override
    public SchedulerCapabilities capabilities() {
        return scheduler.capabilities();
    }

    @Override
    public boolean exists(String app) {
        return timed("exists", () -> scheduler.exists(app));
    }

    @Override
    public void create(String app) {
        timed("create", () -> scheduler.create(app));
    }

    @Override
    public void destroy(String app) {
        timed("destroy", () -> scheduler.destroy(app));
    }

    @Override
    public void deploy(DeployPlan plan) {
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            timed("deploy", () -> scheduler.deploy(plan));
            outcome = "ok";
        } finally {
            Timer.builder(DEPLOYS)
                    .description("Releases rolled out: kind=deploy or rollback, outcome=ok or failed")
                    .tag("kind", plan.force() ? "rollback" : "deploy")
                    .tag("outcome", outcome)
                    .serviceLevelObjectives(DEPLOY_BUCKETS)
                    .register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void scale(DeployPlan plan) {
        timed("scale", () -> scheduler.scale(plan));
    }

    @Override
    public List<Pod> pods(String app, String release, Optional<String> type) {
        return timed("pods", () -> scheduler.pods(app, release, type));
    }

    @Override
    public List<Pod> restart(String app, String release, Optional<String> type, Optional<String> name) {
        return timed("restart", () -> scheduler.restart(app, release, type, name));
    }

    @Override
    public RunResult run(DeployPlan plan, String command) {
        return timed("run", () -> scheduler.run(plan, command));
    }

    @Override
    public List<String> logs(String app, int lines) {
        return timed("logs", () -> scheduler.logs(app, lines));
    }

    @Override
    public void route(Routing routing) {
        timed("route", () -> scheduler.route(routing));
    }

    @Override
    public boolean nodesMatch(Map<String, String> labels) {
        return timed("nodes_match", () -> scheduler.nodesMatch(labels));
    }

    private void timed(String operation, Runnable call) {
        timed(operation, () -> {
            call.run();
            return null;
        });
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "ok";
            return result;
        } catch (RuntimeException | Error e) {
            Counter.builder(ERRORS)
                    .description("Scheduler calls that threw, by the exception's kind")
                    .tag("operation", operation)
                    .tag("error", e.getClass().getSimpleName())
                    .register(registry)
                    .increment();
            throw e;
        } finally {
            Timer.builder(CALLS)
                    .description("Calls to the scheduler (the cluster, or its simulation)")
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .serviceLevelObjectives(SCHEDULER_BUCKETS)
                    .register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private static Duration[] seconds(double... values) {
        Duration[] buckets = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            buckets[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return buckets;
    }
}
