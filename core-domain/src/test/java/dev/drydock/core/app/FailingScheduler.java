package dev.drydock.core.app;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.RunResult;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.SchedulerCapabilities;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The simulation, with switches that make making or removing an app's space fail like a cluster would. */
final class FailingScheduler implements Scheduler {
    private final Scheduler delegate;
    boolean failCreate;
    boolean failDestroy;

    FailingScheduler(Scheduler delegate) {
        this.delegate = delegate;
    }

    @Override
    public SchedulerCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public boolean exists(String app) {
        return delegate.exists(app);
    }

    @Override
    public void create(String app) {
        if (failCreate) {
            // Like a cluster that made the namespace but then failed on the service.
            delegate.create(app);
            throw DrydockException.unavailable("create " + app + " failed on purpose");
        }
        delegate.create(app);
    }

    @Override
    public void destroy(String app) {
        if (failDestroy) {
            throw DrydockException.unavailable("destroy " + app + " failed on purpose");
        }
        delegate.destroy(app);
    }

    @Override
    public void deploy(DeployPlan plan) {
        delegate.deploy(plan);
    }

    @Override
    public void scale(DeployPlan plan) {
        delegate.scale(plan);
    }

    @Override
    public List<Pod> pods(String app, String release, Optional<String> type) {
        return delegate.pods(app, release, type);
    }

    @Override
    public List<Pod> restart(String app, String release, Optional<String> type, Optional<String> name) {
        return delegate.restart(app, release, type, name);
    }

    @Override
    public RunResult run(DeployPlan plan, String command) {
        return delegate.run(plan, command);
    }

    @Override
    public List<String> logs(String app, int lines) {
        return delegate.logs(app, lines);
    }

    @Override
    public void route(Routing routing) {
        delegate.route(routing);
    }

    @Override
    public boolean nodesMatch(Map<String, String> labels) {
        return delegate.nodesMatch(labels);
    }
}
