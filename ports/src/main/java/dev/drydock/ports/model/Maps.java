package dev.drydock.ports.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Immutable, key-sorted copies for the maps records hold; null entries are kept out. */
public final class Maps {
    private Maps() {
    }

    public static <V> Map<String, V> sortedCopy(Map<String, ? extends V> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, V> copy = new TreeMap<>();
        source.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
