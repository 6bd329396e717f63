package dev.drydock.http.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.ValueText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts of a scale request as the wire sends them, read into numbers: what upstream's
 * {@code int()} reads (numbers or numeric text), except that a fraction or a boolean is refused
 * rather than truncated, since 1.5 processes is a client's mistake. The core checks the range.
 */
final class ScaleCounts {
    static final String SCALE_FORMAT = "Invalid scaling format: ";

    private ScaleCounts() {
    }

    static Map<String, Integer> read(Map<String, Object> sent) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (sent == null) {
            return counts;
        }
        sent.forEach((type, value) -> counts.put(type, count(type, value)));
        return counts;
    }

    private static int count(String type, Object value) {
        if (!wholeOrText(value)) {
            throw DrydockException.invalid(SCALE_FORMAT + "the count of " + type
                    + " must be a whole number, not " + jsonText(value));
        }
        ValueText.IntResult result = ValueText.toInt(value);
        BigInteger number = result.value()
                .orElseThrow(() -> DrydockException.invalid(SCALE_FORMAT + result.error()));
        // Far outside any count: the core refuses both ends with its own messages.
        if (number.bitLength() >= 32) {
            return number.signum() < 0 ? -1 : Integer.MAX_VALUE;
        }
        return number.intValue();
    }

    // Whole numbers (2 and 2.0 alike) and anything int() explains its refusal of; not booleans or fractions.
    private static boolean wholeOrText(Object value) {
        if (value instanceof Boolean) {
            return false;
        }
        if (value instanceof BigDecimal decimal) {
            // cheap even for 1e999999999, whose digits are never written out
            return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return !Double.isFinite(d) || d == Math.rint(d);
        }
        return true;
    }

    private static String jsonText(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toString() : String.valueOf(value);
    }
}
