package dev.drydock.ports.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the platform shows a JSON-like value (string, number, boolean, null, map, list) as text:
 * the way upstream's Python {@code str()} and {@code repr()} do. Clients see these texts in stored
 * config maps and match on them in error messages, so the core and the HTTP adapter share them.
 */
public final class ValueText {
    private ValueText() {
    }

    /** Python's {@code sys.get_int_max_str_digits()} default. */
    public static final int MAX_INT_DIGITS = 4300;

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

    /** A JSON integer (not a boolean, not a float), as JSON schema's "integer" means it. */
    public static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger;
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

    /** Python's {@code str()} of a JSON value, the text upstream shows for a stored value. */
    public static String str(Object value) {
        return value instanceof String text ? text : repr(value);
    }

    public static String repr(Object value) {
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
            return list.stream().map(ValueText::repr).collect(Collectors.joining(", ", "[", "]"));
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
