package dev.drydock.ports.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of an app's configuration. Values are JSON values; {@code healthcheck} maps process
 * type to probes, each probe a JSON-like tree of maps, lists and scalars. Both are held in
 * {@link JsonTree}'s canonical form, so a config read back from any store equals the one stored.
 */
public record Config(UUID uuid, String app, String owner,
                     Map<String, Object> values,
                     Map<String, String> memory,
                     Map<String, String> cpu,
                     Map<String, String> tags,
                     Map<String, String> registry,
                     Map<String, Object> healthcheck,
                     Map<String, String> lifecyclePostStart,
                     Map<String, String> lifecyclePreStop,
                     Map<String, String> terminationGracePeriod,
                     Instant created, Instant updated) {
    public Config {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(owner, "owner");
        values = Maps.sortedCopy(JsonTree.canonicalMap(values));
        memory = Maps.sortedCopy(memory);
        cpu = Maps.sortedCopy(cpu);
        tags = Maps.sortedCopy(tags);
        registry = Maps.sortedCopy(registry);
        healthcheck = Maps.sortedCopy(JsonTree.canonicalMap(healthcheck));
        lifecyclePostStart = Maps.sortedCopy(lifecyclePostStart);
        lifecyclePreStop = Maps.sortedCopy(lifecyclePreStop);
        terminationGracePeriod = Maps.sortedCopy(terminationGracePeriod);
    }

    /** An empty first config for a new app. */
    public static Config initial(UUID uuid, String app, String owner, Instant now) {
        return new Config(uuid, app, owner, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of(), now, now);
    }

    public Config withOwner(String newOwner) {
        return new Config(uuid, app, newOwner, values, memory, cpu, tags, registry, healthcheck,
                lifecyclePostStart, lifecyclePreStop, terminationGracePeriod, created, updated);
    }
}
