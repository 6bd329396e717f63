package dev.drydock.http.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drydock.ports.model.Config;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

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
                Dates.format(config.created()), Dates.format(config.updated()));
    }

    private static Map<String, String> texts(Map<String, Object> values) {
        Map<String, String> texts = new TreeMap<>();
        values.forEach((key, value) -> texts.put(key, str(value)));
        return texts;
    }

    /** Python's {@code str()} of a JSON value, the text upstream shows for a stored value. */
    static String str(Object value) {
        return value instanceof String text ? text : repr(value);
    }

    private static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof String s) {
            return s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? "\"" + s + "\"" : "'" + s.replace("'", "\\'") + "'";
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            return floatText(((Number) value).doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConfigJson::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    // Python prints floats in plain notation from 1e-4 up to 1e16 and always with a fraction.
    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(d);
        if (d == 0 || (magnitude >= 1e-4 && magnitude < 1e16)) {
            String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        String digits = exact.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }
}
