package dev.drydock.core.config;

import java.util.List;
import java.util.Map;
import dev.drydock.ports.model.ValueText;

/**
 * How upstream's Python turns JSON values into text and numbers. Clients match on these texts
 * (stored config maps hold {@code str(value)}; error messages quote {@code repr(value)}), so the
 * core reproduces them for the JSON-like values it receives: strings, numbers, booleans, null,
 * maps and lists.
 */
public final class PythonText {
    /** Python's {@code sys.get_int_max_str_digits()} default. */
    public static final int MAX_INT_DIGITS = ValueText.MAX_INT_DIGITS;

    private PythonText() {
    }

    /** Python's {@code str(value)}. */
    public static String str(Object value) {
        return ValueText.str(value);
    }

    /** Python's {@code repr(value)}. */
    public static String repr(Object value) {
        return ValueText.repr(value);
    }

    /** Python's name for the type of a JSON value, as its error messages quote it. */
    public static String typeName(Object value) {
        return ValueText.typeName(value);
    }

    /** Whether Python's {@code str(value).isnumeric()} holds: non-empty and digits only. */
    public static boolean isNumeric(Object value) {
        String text = str(value);
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    /** A JSON integer (not a boolean, not a float), as JSON schema's "integer" means it. */
    public static boolean isInteger(Object value) {
        return ValueText.isInteger(value);
    }

    /** Whether a value is true in Python's sense (non-empty, non-zero, not None or False). */
    public static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    /** Python's {@code int(value)}: see {@link ValueText#toInt}. */
    public static ValueText.IntResult toInt(Object value) {
        return ValueText.toInt(value);
    }
}
