package dev.drydock.core.routing;

import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.RunResult;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.SchedulerCapabilities;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The simulated scheduler, with a step a test can put in front of every routing sent: to hold one
 * send back while another change is made, or to fail the send of one app among several.
 */
public final class InterceptingScheduler implements Scheduler {
    private final SimulatedScheduler simulated;
    private volatile Consumer<Routing> beforeRoute = routing -> { };

    public InterceptingScheduler(SimulatedScheduler simulated) {
        this.simulated = Objects.requireNonNull(simulated, "simulated");
    }

    /** Runs before each routing reaches the simulated scheduler; what it throws, the send throws. */
    public void beforeRoute(Consumer<Routing> step) {
        this.beforeRoute = Objects.requireNonNull(step, "step");
    }

    @Override
    public void route(Routing routing) {
        beforeRoute.accept(routing);
        simulated.route(routing);
    }

    @Override
    public SchedulerCapabilities capabilities() {
        return simulated.capabilities();
    }

    @Override
    public boolean exists(String app) {
        return simulated.exists(app);
    }

    @Override
    public void create(String app) {
        simulated.create(app);
    }

    @Override
    public void destroy(String app) {
        simulated.destroy(app);
    }

    @Override
    public void deploy(DeployPlan plan) {
        simulated.deploy(plan);
    }

    @Override
    public void scale(DeployPlan plan) {
        simulated.scale(plan);
    }

    @Override
    public List<Pod> pods(String app, String release, Optional<String> type) {
        return simulated.pods(app, release, type);
    }

    @Override
    public List<Pod> restart(String app, String release, Optional<String> type, Optional<String> name) {
        return simulated.restart(app, release, type, name);
    }

    @Override
    public RunResult run(DeployPlan plan, String command) {
        return simulated.run(plan, command);
    }

    @Override
    public List<String> logs(String app, int lines) {
        return simulated.logs(app, lines);
    }

    @Override
    public boolean nodesMatch(Map<String, String> labels) {
        return simulated.nodesMatch(labels);
    }
}
