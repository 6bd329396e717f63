package dev.drydock.core.config;

import dev.drydock.core.Settings;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How big an app's config may grow: keys per field, and bytes in all (every key and value as UTF-8
 * text, so the env it makes always fits in one Kubernetes Secret). A change that goes beyond a
 * limit is refused, unless it leaves the config no bigger than before: a config stored before a
 * limit was lowered can still shrink.
 */
final class ConfigLimits {
    private final int maxBytes;
    private final int maxKeys;

    ConfigLimits(Settings.Limits limits) {
        this.maxBytes = limits.configBytes();
        this.maxKeys = limits.configKeys();
    }

    /** Refuses {@code merged} with a 400 when it is beyond a limit and bigger than {@code base}. */
    void check(Config base, Config merged) {
        Map<String, Map<String, ?>> before = fields(base);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        fields(merged).forEach((field, entries) -> {
            int keys = entries.size();
            if (keys > maxKeys && keys > before.get(field).size()) {
                problems.put(field, List.of("A config may hold at most " + maxKeys + " keys under " + field
                        + "; this change would make it " + keys + "."));
            }
        });
        if (!problems.isEmpty()) {
            throw DrydockException.invalidFields(problems);
        }
        long bytes = bytes(merged);
        if (bytes > maxBytes && bytes > bytes(base)) {
            throw DrydockException.invalid("This change would make the config take " + bytes + " bytes; a config"
                    + " may take at most " + maxBytes + " (its keys and values as UTF-8 text), what one Kubernetes"
                    + " Secret holds");
        }
    }

    private static Map<String, Map<String, ?>> fields(Config config) {
        Map<String, Map<String, ?>> fields = new LinkedHashMap<>();
        fields.put("values", config.values());
        fields.put("memory", config.memory());
        fields.put("cpu", config.cpu());
        fields.put("tags", config.tags());
        fields.put("registry", config.registry());
        fields.put("healthcheck", config.healthcheck());
        fields.put("lifecycle_post_start", config.lifecyclePostStart());
        fields.put("lifecycle_pre_stop", config.lifecyclePreStop());
        fields.put("termination_grace_period", config.terminationGracePeriod());
        return fields;
    }

    private static long bytes(Config config) {
        long total = 0;
        for (Map<String, ?> entries : fields(config).values()) {
            total += size(entries);
        }
        return total;
    }

    // Counted in place: a config of a mebibyte is measured without being written out again.
    private static long size(Object value) {
        if (value instanceof String text) {
            return utf8Length(text);
        }
        if (value instanceof Map<?, ?> map) {
            long total = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                total += utf8Length(String.valueOf(entry.getKey())) + size(entry.getValue());
            }
            return total;
        }
        if (value instanceof List<?> list) {
            long total = 0;
            for (Object item : list) {
                total += size(item);
            }
            return total;
        }
        return value == null ? 0 : PythonText.str(value).length();
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
