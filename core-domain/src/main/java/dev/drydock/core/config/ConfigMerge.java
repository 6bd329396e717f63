package dev.drydock.core.config;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.JsonTree;
import dev.drydock.ports.usecase.ConfigChange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Merges a checked change onto a base config: a value sets a key, null removes it (422 when it is
 * not there), unmentioned keys stay. Then the legacy {@code HEALTHCHECK_*} values become the
 * {@code web/cmd} healthcheck, and a private registry needs {@code PORT}.
 */
final class ConfigMerge {
    static final String LEGACY_HEALTHCHECK_TYPE = "web/cmd";
    static final String REGISTRY_NEEDS_PORT = "PORT needs to be set in the config when using a private registry";

    private ConfigMerge() {
    }

    /** The merged config, a new version owned by {@code owner}. */
    static Config merge(Config base, ConfigChange change, String owner, UUID uuid, Instant now) {
        Map<String, Object> values = merge("values", base.values(), change.values(), JsonTree::canonical);
        Map<String, String> memory = merge("memory", base.memory(), change.memory(), PythonText::str);
        Map<String, String> cpu = merge("cpu", base.cpu(), change.cpu(), PythonText::str);
        Map<String, String> tags = merge("tags", base.tags(), change.tags(), PythonText::str);
        Map<String, String> registry = merge("registry", base.registry(), lowerKeys(change.registry()),
                PythonText::str);
        Map<String, Object> healthcheck = healthcheck(base.healthcheck(), change.healthcheck());
        Map<String, String> postStart = merge("lifecycle_post_start", base.lifecyclePostStart(),
                change.lifecyclePostStart(), PythonText::str);
        Map<String, String> preStop = merge("lifecycle_pre_stop", base.lifecyclePreStop(),
                change.lifecyclePreStop(), PythonText::str);
        Map<String, String> grace = merge("termination_grace_period", base.terminationGracePeriod(),
                change.terminationGracePeriod(), PythonText::str);

        if (values.containsKey("HEALTHCHECK_URL")) {
            healthcheck.put(LEGACY_HEALTHCHECK_TYPE, legacyProbes(values));
            values.keySet().removeIf(key -> key.startsWith("HEALTHCHECK_"));
        }
        if (!registry.isEmpty() && !values.containsKey("PORT")) {
            throw DrydockException.invalid(REGISTRY_NEEDS_PORT);
        }
        return new Config(uuid, base.app(), owner, values, memory, cpu, tags, registry, healthcheck,
                postStart, preStop, grace, now, now);
    }

    // A value sent again as it was stays the base's object: every release keeps its config, and a
    // client that sends the whole env back with each change must not make each keep a copy of it.
    private static <V> Map<String, V> merge(String field, Map<String, V> base, Map<String, Object> change,
                                            Function<Object, V> convert) {
        Map<String, V> merged = new TreeMap<>(base);
        if (change == null) {
            return merged;
        }
        for (Map.Entry<String, Object> entry : change.entrySet()) {
            if (entry.getValue() != null) {
                V value = convert.apply(entry.getValue());
                V before = base.get(entry.getKey());
                merged.put(entry.getKey(), value.equals(before) ? before : value);
            } else if (merged.remove(entry.getKey()) == null) {
                throw DrydockException.unprocessable(entry.getKey() + " does not exist under " + field);
            }
        }
        return merged;
    }

    private static Map<String, Object> lowerKeys(Map<String, Object> registry) {
        if (registry == null) {
            return null;
        }
        Map<String, Object> lowered = new LinkedHashMap<>();
        registry.forEach((k, v) -> lowered.put(k.toLowerCase(Locale.ROOT), v));
        return lowered;
    }

    // Per process type: null removes the type, a probe set to null removes that probe, other probes stay.
    private static Map<String, Object> healthcheck(Map<String, Object> base, Map<String, Object> change) {
        Map<String, Object> merged = new TreeMap<>(base);
        if (change == null) {
            return merged;
        }
        for (Map.Entry<String, Object> entry : change.entrySet()) {
            String type = entry.getKey();
            if (entry.getValue() == null) {
                if (merged.remove(type) == null) {
                    throw missingType(type);
                }
                continue;
            }
            Map<String, Object> probes = new TreeMap<>();
            if (merged.get(type) instanceof Map<?, ?> existing) {
                existing.forEach((k, v) -> probes.put(String.valueOf(k), v));
            }
            for (Map.Entry<?, ?> probe : ((Map<?, ?>) entry.getValue()).entrySet()) {
                String name = String.valueOf(probe.getKey());
                if (probe.getValue() != null) {
                    probes.put(name, JsonTree.canonical(probe.getValue()));
                } else if (probes.remove(name) == null) {
                    throw missingType(type);
                }
            }
            if (probes.isEmpty()) {
                merged.remove(type);
            } else {
                merged.put(type, JsonTree.canonical(probes));
            }
        }
        return merged;
    }

    private static DrydockException missingType(String type) {
        return DrydockException.unprocessable(type + " does not exist under healthcheck");
    }

    private static Map<String, Object> legacyProbes(Map<String, Object> values) {
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("httpGet", Map.of("path", PythonText.str(values.get("HEALTHCHECK_URL"))));
        probe.put("initialDelaySeconds", legacyNumber(values, "HEALTHCHECK_INITIAL_DELAY", 50));
        probe.put("timeoutSeconds", legacyNumber(values, "HEALTHCHECK_TIMEOUT", 50));
        probe.put("periodSeconds", legacyNumber(values, "HEALTHCHECK_PERIOD_SECONDS", 10));
        probe.put("successThreshold", legacyNumber(values, "HEALTHCHECK_SUCCESS_THRESHOLD", 1));
        probe.put("failureThreshold", legacyNumber(values, "HEALTHCHECK_FAILURE_THRESHOLD", 3));
        Object frozen = JsonTree.canonical(probe);
        Map<String, Object> probes = new LinkedHashMap<>();
        probes.put("livenessProbe", frozen);
        probes.put("readinessProbe", frozen);
        return java.util.Collections.unmodifiableMap(probes);
    }

    private static int legacyNumber(Map<String, Object> values, String key, int fallback) {
        if (!values.containsKey(key)) {
            return fallback;
        }
        return PythonText.toInt(values.get(key)).value()
                .filter(v -> v.bitLength() < 32)
                .map(java.math.BigInteger::intValue)
                .orElse(fallback);
    }

    /** Upstream's message when no node carries the tags, naming the added ones when there were tags before. */
    static String noNodesMessage(Map<String, String> tags, Map<String, String> previous) {
        List<String> labels = labels(tags);
        String message = "No nodes matched the provided labels: " + String.join(", ", labels);
        if (!previous.isEmpty()) {
            List<String> old = labels(previous);
            List<String> added = labels.stream().filter(l -> !old.contains(l)).toList();
            if (!added.isEmpty()) {
                message += " - Addition of " + String.join(", ", added) + " is the cause";
            }
        }
        return message;
    }

    private static List<String> labels(Map<String, String> tags) {
        return new TreeMap<>(tags).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.toList());
    }
}
