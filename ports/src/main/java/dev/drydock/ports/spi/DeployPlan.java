package dev.drydock.ports.spi;

import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import java.util.Map;
import java.util.Objects;

/**
 * What the scheduler is asked to run: a release, its build and config, and how many processes of
 * each type.
 *
 * @param force deploy even if a rollout is in progress (rollback does)
 */
public record DeployPlan(String app, Release release, Build build, Config config,
                         Map<String, Integer> structure, boolean force) {
    public DeployPlan {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(config, "config");
        structure = dev.drydock.ports.model.Maps.sortedCopy(structure);
    }
}
