package dev.drydock.core.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.drydock.ports.model.ValueText;

/**
 * How upstream's Python turns JSON values into text and numbers. Clients match on these texts
 * (stored config maps hold {@code str(value)}; error messages quote {@code repr(value)}), so the
 * core reproduces them for the JSON-like values it receives: strings, numbers, booleans, null,
 * maps and lists.
 */
public final class PythonText {
    /** Python's {@code sys.get_int_max_str_digits()} default. */
    public static final int MAX_INT_DIGITS = 4300;

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
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return "float";
        }
        if (value instanceof Number) {
            return "int";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof List) {
            return "list";
        }
        return value.getClass().getSimpleName();
    }

    /** Whether Python's {@code str(value).isnumeric()} holds: non-empty and digits only. */
    public static boolean isNumeric(Object value) {
        String text = str(value);
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    /** A JSON integer (not a boolean, not a float), as JSON schema's "integer" means it. */
    public static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger;
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

    /**
     * Python's {@code int(value)} for a JSON value: whole-number text (surrounding blanks and a sign
     * allowed), numbers (floats truncated) and booleans; empty with the message Python gives
     * otherwise.
     */
    public static IntResult toInt(Object value) {
        if (value instanceof Boolean b) {
            return IntResult.of(BigInteger.valueOf(b ? 1 : 0));
        }
        if (isInteger(value)) {
            return IntResult.of(new BigInteger(value.toString()));
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d)) {
                return IntResult.error("cannot convert float NaN to integer");
            }
            if (Double.isInfinite(d)) {
                return IntResult.error("cannot convert float infinity to integer");
            }
            return IntResult.of(new BigDecimal(d).toBigInteger());
        }
        if (value instanceof String s) {
            String t = s.strip();
            if (t.matches("[+-]?[0-9]+")) {
                // Parsing takes time that grows with the square of the digits (a million: seconds), so
                // like Python since 3.11 no text beyond 4,300 digits is read as a number.
                int digits = t.length() - (Character.isDigit(t.charAt(0)) ? 0 : 1);
                if (digits > MAX_INT_DIGITS) {
                    return IntResult.error("Exceeds the limit (" + MAX_INT_DIGITS
                            + " digits) for integer string conversion: value has " + digits + " digits");
                }
                return IntResult.of(new BigInteger(t.startsWith("+") ? t.substring(1) : t));
            }
            return IntResult.error("invalid literal for int() with base 10: " + repr(s));
        }
        return IntResult.error("int() argument must be a string, a bytes-like object or a number, not '"
                + typeName(value) + "'");
    }

    /** The outcome of {@link #toInt}: a value or Python's error text. */
    public record IntResult(Optional<BigInteger> value, String error) {
        static IntResult of(BigInteger v) {
            return new IntResult(Optional.of(v), null);
        }

        static IntResult error(String message) {
            return new IntResult(Optional.empty(), message);
        }
    }
}
