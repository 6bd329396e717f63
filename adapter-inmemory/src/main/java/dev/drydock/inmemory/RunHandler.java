package dev.drydock.inmemory;

import dev.drydock.ports.model.RunResult;
import dev.drydock.ports.spi.DeployPlan;

/** What {@link SimulatedScheduler} answers to a one-off command, since it runs nothing itself. */
@FunctionalInterface
public interface RunHandler {
    /** The outcome of running {@code command} in the plan's release. */
    RunResult run(DeployPlan plan, String command);
}
