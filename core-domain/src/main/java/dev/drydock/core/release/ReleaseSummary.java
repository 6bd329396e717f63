package dev.drydock.core.release;

import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The text that says what a release changed, e.g. "alice deployed 060da68 and alice added HELLO,
 * changed PORT". Each changed part names its author; parts are joined with " and ", keys are listed
 * in sorted order. Empty when nothing changed.
 */
public final class ReleaseSummary {
    private ReleaseSummary() {
    }

    /**
     * What changed from the previous release's build and config (either may be null) to the new
     * ones.
     */
    public static String between(Build oldBuild, Config oldConfig, Build newBuild, Config newConfig) {
        List<String> parts = new ArrayList<>();
        if (newBuild != null && (oldBuild == null || !oldBuild.uuid().equals(newBuild.uuid()))) {
            String what = newBuild.sha().isEmpty()
                    ? newBuild.image()
                    : newBuild.sha().substring(0, Math.min(7, newBuild.sha().length()));
            parts.add(newBuild.owner() + " deployed " + what);
        }
        if (newConfig != null && (oldConfig == null || !oldConfig.uuid().equals(newConfig.uuid()))) {
            configParts(oldConfig, newConfig, parts);
        }
        return String.join(" and ", parts);
    }

    private static void configParts(Config old, Config config, List<String> parts) {
        String owner = config.owner();
        addChanges(parts, owner, "", "", before(old, Config::values), config.values());

        List<String> limits = new ArrayList<>();
        if (!before(old, Config::memory).equals(config.memory())) {
            limits.add("memory");
        }
        if (!before(old, Config::cpu).equals(config.cpu())) {
            limits.add("cpu");
        }
        if (!limits.isEmpty()) {
            parts.add(owner + " changed limits for " + String.join(", ", limits));
        }

        addChanges(parts, owner, "tag ", "", before(old, Config::tags), config.tags());
        addChanges(parts, owner, "registry info ", "", before(old, Config::registry), config.registry());
        addChanges(parts, owner, "healthcheck info for proc type ", "default",
                before(old, Config::healthcheck), config.healthcheck());
        addChanges(parts, owner, "lifecycle_post_start for ", "",
                before(old, Config::lifecyclePostStart), config.lifecyclePostStart());
        addChanges(parts, owner, "lifecycle_pre_stop for ", "",
                before(old, Config::lifecyclePreStop), config.lifecyclePreStop());
        if (!before(old, Config::terminationGracePeriod).equals(config.terminationGracePeriod())) {
            parts.add(owner + " changed timeouts for termination_grace_period");
        }
    }

    private static <V> Map<String, V> before(Config old, java.util.function.Function<Config, Map<String, V>> field) {
        return old == null ? Map.of() : field.apply(old);
    }

    // "<owner> added <what>A, B, changed <what>C, deleted <what>D"
    private static <V> void addChanges(List<String> parts, String owner, String what, String emptyKey,
                                       Map<String, V> before, Map<String, V> after) {
        TreeSet<String> added = new TreeSet<>();
        TreeSet<String> changed = new TreeSet<>();
        TreeSet<String> deleted = new TreeSet<>();
        after.forEach((key, value) -> {
            if (!before.containsKey(key)) {
                added.add(key);
            } else if (!Objects.equals(before.get(key), value)) {
                changed.add(key);
            }
        });
        before.keySet().stream().filter(key -> !after.containsKey(key)).forEach(deleted::add);

        List<String> changes = new ArrayList<>();
        addChange(changes, "added ", what, emptyKey, added);
        addChange(changes, "changed ", what, emptyKey, changed);
        addChange(changes, "deleted ", what, emptyKey, deleted);
        if (!changes.isEmpty()) {
            parts.add(owner + " " + String.join(", ", changes));
        }
    }

    private static void addChange(List<String> changes, String verb, String what, String emptyKey,
                                  TreeSet<String> keys) {
        if (!keys.isEmpty()) {
            List<String> names = keys.stream().map(k -> k.isEmpty() && !emptyKey.isEmpty() ? emptyKey : k).toList();
            changes.add(verb + what + String.join(", ", names));
        }
    }
}
