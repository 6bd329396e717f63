package dev.drydock.testing;

import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link SimulatedCluster} on a {@link SimulatedScheduler}, looked up on every call so that it
 * follows a harness's reset to its new scheduler.
 */
final class SchedulerCluster implements SimulatedCluster {
    private final Supplier<SimulatedScheduler> scheduler;

    SchedulerCluster(Supplier<SimulatedScheduler> scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    static SimulatedScheduler.Operation operation(Operation operation) {
        return SimulatedScheduler.Operation.valueOf(Objects.requireNonNull(operation, "operation").name());
    }

    @Override
    public boolean hasSpace(String app) {
        return scheduler.get().hasSpace(app);
    }

    @Override
    public List<DeployPlan> deployments(String app) {
        return scheduler.get().deployments(app);
    }

    @Override
    public Map<String, Integer> running(String app) {
        return scheduler.get().running(app);
    }

    @Override
    public Optional<Routing> routing(String app) {
        return scheduler.get().routing(app);
    }

    @Override
    public void failNext(Operation operation, RuntimeException error) {
        scheduler.get().failNext(operation(operation), error);
    }

    @Override
    public void failNext(Operation operation, String app, RuntimeException error) {
        scheduler.get().failNext(operation(operation), app, error);
    }

    @Override
    public void failNextCreateAfterSpace(RuntimeException error) {
        scheduler.get().failNextCreateAfterSpace(error);
    }

    @Override
    public void beforeNext(Operation operation, Runnable action) {
        scheduler.get().beforeNext(operation(operation), action);
    }

    @Override
    public void beforeNext(Operation operation, String app, Runnable action) {
        scheduler.get().beforeNext(operation(operation), app, action);
    }
}
