package dev.drydock.ports.usecase;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A change to an app's config. Start from {@link #empty()} and add what changes; each step returns
 * a new change:
 * <pre>{@code
 * ConfigChange.empty().set("DATABASE_URL", "postgres://db/shop").unset("DEBUG")
 *         .memory("web", "512M").cpu("web", "500m")
 * }</pre>
 * Every field maps a key (an env name, a process type, a tag or registry key) to its new value; a
 * null value unsets that key, and a null field was not sent. The canonical constructor takes the
 * fields as JSON-like values (strings, numbers, booleans, maps, lists), for adapters that pass a
 * change on as it came; the core checks every value.
 */
public record ConfigChange(Map<String, Object> values, Map<String, Object> memory, Map<String, Object> cpu,
                           Map<String, Object> tags, Map<String, Object> registry,
                           Map<String, Object> healthcheck, Map<String, Object> lifecyclePostStart,
                           Map<String, Object> lifecyclePreStop, Map<String, Object> terminationGracePeriod) {
    private static final ConfigChange EMPTY = new ConfigChange(null, null, null, null, null, null, null, null, null);

    /** A change that changes nothing yet. */
    public static ConfigChange empty() {
        return EMPTY;
    }

    /** Sets an environment value. */
    public ConfigChange set(String key, String value) {
        return new ConfigChange(with(values, key, Objects.requireNonNull(value, "value")), memory, cpu, tags, registry, healthcheck,
                lifecyclePostStart, lifecyclePreStop, terminationGracePeriod);
    }

    /** Unsets an environment value; it must be set. */
    public ConfigChange unset(String key) {
        return new ConfigChange(with(values, key, null), memory, cpu, tags, registry, healthcheck,
                lifecyclePostStart, lifecyclePreStop, terminationGracePeriod);
    }

    /** Limits the memory of one process type, e.g. {@code memory("web", "512M")}. */
    public ConfigChange memory(String type, String limit) {
        return new ConfigChange(values, with(memory, type, Objects.requireNonNull(limit, "limit")), cpu, tags, registry, healthcheck,
                lifecyclePostStart, lifecyclePreStop, terminationGracePeriod);
    }

    /** Removes the memory limit of one process type. */
    public ConfigChange unsetMemory(String type) {
        return new ConfigChange(values, with(memory, type, null), cpu, tags, registry, healthcheck,
                lifecyclePostStart, lifecyclePreStop, terminationGracePeriod);
    }

    /** Limits the CPU of one process type, e.g. {@code cpu("web", "500m")}. */
    public ConfigChange cpu(String type, String limit) {
        return new ConfigChange(values, memory, with(cpu, type, Objects.requireNonNull(limit, "limit")), tags, registry, healthcheck,
                lifecyclePostStart, lifecyclePreStop, terminationGracePeriod);
    }

    /** Removes the CPU limit of one process type. */
    public ConfigChange unsetCpu(String type) {
        return new ConfigChange(values, memory, with(cpu, type, null), tags, registry, healthcheck,
                lifecyclePostStart, lifecyclePreStop, terminationGracePeriod);
    }

    /** Sets a node tag the app's pods must run on; some node must carry the tags. */
    public ConfigChange tag(String key, String value) {
        return new ConfigChange(values, memory, cpu, with(tags, key, Objects.requireNonNull(value, "value")), registry, healthcheck,
                lifecyclePostStart, lifecyclePreStop, terminationGracePeriod);
    }

    /** Removes a node tag. */
    public ConfigChange untag(String key) {
        return new ConfigChange(values, memory, cpu, with(tags, key, null), registry, healthcheck,
                lifecyclePostStart, lifecyclePreStop, terminationGracePeriod);
    }

    /** Sets a private registry setting, e.g. {@code registry("username", "ada")}; needs PORT in the values. */
    public ConfigChange registry(String key, String value) {
        return new ConfigChange(values, memory, cpu, tags, with(registry, key, Objects.requireNonNull(value, "value")), healthcheck,
                lifecyclePostStart, lifecyclePreStop, terminationGracePeriod);
    }

    /** Removes a private registry setting. */
    public ConfigChange unsetRegistry(String key) {
        return new ConfigChange(values, memory, cpu, tags, with(registry, key, null), healthcheck,
                lifecyclePostStart, lifecyclePreStop, terminationGracePeriod);
    }

    /**
     * Sets the probes of one process type: {@code livenessProbe} and/or {@code readinessProbe}, each
     * a Kubernetes probe as maps, lists and scalars.
     */
    public ConfigChange healthcheck(String type, Map<String, Object> probes) {
        Object copy = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(probes, "probes")));
        return new ConfigChange(values, memory, cpu, tags, registry, with(healthcheck, type, copy),
                lifecyclePostStart, lifecyclePreStop, terminationGracePeriod);
    }

    /** Removes the probes of one process type. */
    public ConfigChange unsetHealthcheck(String type) {
        return new ConfigChange(values, memory, cpu, tags, registry, with(healthcheck, type, null),
                lifecyclePostStart, lifecyclePreStop, terminationGracePeriod);
    }

    /** Sets the command run in one process type's containers after they start. */
    public ConfigChange postStart(String type, String command) {
        return new ConfigChange(values, memory, cpu, tags, registry, healthcheck,
                with(lifecyclePostStart, type, Objects.requireNonNull(command, "command")), lifecyclePreStop, terminationGracePeriod);
    }

    /** Removes the post-start command of one process type. */
    public ConfigChange unsetPostStart(String type) {
        return new ConfigChange(values, memory, cpu, tags, registry, healthcheck,
                with(lifecyclePostStart, type, null), lifecyclePreStop, terminationGracePeriod);
    }

    /** Sets the command run in one process type's containers before they stop. */
    public ConfigChange preStop(String type, String command) {
        return new ConfigChange(values, memory, cpu, tags, registry, healthcheck,
                lifecyclePostStart, with(lifecyclePreStop, type, Objects.requireNonNull(command, "command")), terminationGracePeriod);
    }

    /** Removes the pre-stop command of one process type. */
    public ConfigChange unsetPreStop(String type) {
        return new ConfigChange(values, memory, cpu, tags, registry, healthcheck,
                lifecyclePostStart, with(lifecyclePreStop, type, null), terminationGracePeriod);
    }

    /** Sets how many seconds one process type's pods get to stop before they are killed. */
    public ConfigChange terminationGracePeriod(String type, int seconds) {
        return new ConfigChange(values, memory, cpu, tags, registry, healthcheck,
                lifecyclePostStart, lifecyclePreStop, with(terminationGracePeriod, type, String.valueOf(seconds)));
    }

    /** Removes the termination grace period of one process type. */
    public ConfigChange unsetTerminationGracePeriod(String type) {
        return new ConfigChange(values, memory, cpu, tags, registry, healthcheck,
                lifecyclePostStart, lifecyclePreStop, with(terminationGracePeriod, type, null));
    }

    // A copy with one more entry; null values stay, since they mean "unset".
    private static Map<String, Object> with(Map<String, Object> field, String key, Object value) {
        Map<String, Object> copy = field == null ? new LinkedHashMap<>() : new LinkedHashMap<>(field);
        copy.put(Objects.requireNonNull(key, "key"), value);
        return Collections.unmodifiableMap(copy);
    }
}
