package dev.drydock.http.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Timestamps;
import dev.drydock.ports.model.ValueText;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A config as the API shows it. Values are stored as sent, but upstream shows every map except
 * the healthcheck with its values as Python's {@code str()} of them: 5000 is "5000", true is "True".
 */
public record ConfigJson(UUID uuid, String app, String owner, Map<String, String> values,
                         Map<String, String> memory, Map<String, String> cpu, Map<String, String> tags,
                         Map<String, String> registry, Map<String, Object> healthcheck,
                         @JsonProperty("lifecycle_post_start") Map<String, String> lifecyclePostStart,
                         @JsonProperty("lifecycle_pre_stop") Map<String, String> lifecyclePreStop,
                         @JsonProperty("termination_grace_period") Map<String, String> terminationGracePeriod,
                         String created, String updated) {

    public static ConfigJson of(Config config) {
        return new ConfigJson(config.uuid(), config.app(), config.owner(), texts(config.values()),
                config.memory(), config.cpu(), config.tags(), config.registry(), config.healthcheck(),
                config.lifecyclePostStart(), config.lifecyclePreStop(), config.terminationGracePeriod(),
                Timestamps.format(config.created()), Timestamps.format(config.updated()));
    }

    private static Map<String, String> texts(Map<String, Object> values) {
        Map<String, String> texts = new TreeMap<>();
        values.forEach((key, value) -> texts.put(key, ValueText.str(value)));
        return texts;
    }
}
