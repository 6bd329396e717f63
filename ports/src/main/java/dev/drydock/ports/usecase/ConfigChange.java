package dev.drydock.ports.usecase;

import java.util.Map;

/**
 * A config change as sent. A null field was not sent; inside a field a null value unsets that key.
 * Values are JSON-like (strings, numbers, booleans, maps, lists) and are validated by the core.
 */
public record ConfigChange(Map<String, Object> values, Map<String, Object> memory, Map<String, Object> cpu,
                           Map<String, Object> tags, Map<String, Object> registry,
                           Map<String, Object> healthcheck, Map<String, Object> lifecyclePostStart,
                           Map<String, Object> lifecyclePreStop, Map<String, Object> terminationGracePeriod) {
}
