package dev.drydock.ports.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The one form of a JSON-like value (config values, healthcheck probes) that records hold and
 * every store gives back: unmodifiable insertion-ordered maps with string keys, unmodifiable
 * lists, strings, booleans, null, and numbers as JSON text reads them: {@link Integer} when it
 * fits, else {@link Long}, else {@link BigInteger} for whole numbers, {@link BigDecimal} for the
 * rest. So a value read back from a database equals the value that was stored.
 *
 * <p>A tree already in this form is taken as it is, not copied: configs of consecutive releases
 * share the trees that did not change.
 */
public final class JsonTree {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonTree() {
    }

    /**
     * The canonical, deeply unmodifiable copy of a value. Numbers JSON cannot hold (NaN,
     * infinities) and objects of other kinds are refused with {@link IllegalArgumentException}.
     */
    public static Object canonical(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean
                || value instanceof CanonicalMap || value instanceof CanonicalList) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), canonical(v)));
            return new CanonicalMap(copy);
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(canonical(v)));
            return new CanonicalList(copy);
        }
        if (value instanceof Integer) {
            return value;
        }
        if (value instanceof Long || value instanceof Short || value instanceof Byte) {
            return whole(BigInteger.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger big) {
            return whole(big);
        }
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no number " + value);
            }
            return new BigDecimal(value.toString());
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /** {@link #canonical} of each value of a map, as a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> canonicalMap(Map<String, ?> map) {
        return map == null ? Map.of() : (Map<String, Object>) canonical(map);
    }

    /** A map in canonical form: unmodifiable, and known to hold canonical values only. */
    private static final class CanonicalMap extends AbstractMap<String, Object> {
        private final Map<String, Object> entries;

        CanonicalMap(Map<String, Object> entries) {
            this.entries = Collections.unmodifiableMap(entries);
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public Object get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }
    }

    /** A list in canonical form: unmodifiable, and known to hold canonical values only. */
    private static final class CanonicalList extends AbstractList<Object> implements RandomAccess {
        private final List<Object> items;

        CanonicalList(List<Object> items) {
            this.items = items;
        }

        @Override
        public Object get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    private static Object whole(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return value.longValue();
        }
        return value;
    }
}
