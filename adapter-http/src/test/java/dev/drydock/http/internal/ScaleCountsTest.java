package dev.drydock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.InvalidException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The wire's counts (numbers or numeric text) read into whole numbers, refused as upstream's int() words it. */
class ScaleCountsTest {
    private static Map<String, Object> sent(String type, Object count) {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put(type, count);
        return sent;
    }

    private static void assertRefused(Object count, String message) {
        assertThatThrownBy(() -> ScaleCounts.read(sent("web", count)))
                .isInstanceOf(InvalidException.class).hasMessage("Invalid scaling format: " + message);
    }

    @Test
    void numbersAndNumericTextAreCounts() {
        assertThat(ScaleCounts.read(Map.of("web", 2, "worker", " +3 ", "clock", new BigDecimal("1E+0"))))
                .isEqualTo(Map.of("web", 2, "worker", 3, "clock", 1));
        assertThat(ScaleCounts.read(sent("web", new BigDecimal("2.0")))).isEqualTo(Map.of("web", 2));
        assertThat(ScaleCounts.read(sent("web", "0".repeat(4299) + "2"))).isEqualTo(Map.of("web", 2));
    }

    @Test
    void textThatIsNoNumberIsRefusedAsIntDoes() {
        assertRefused("not_an_int", "invalid literal for int() with base 10: 'not_an_int'");
        assertRefused(List.of(1), "int() argument must be a string, a bytes-like object or a number, not 'list'");
    }

    @Test
    void fractionsAndBooleansAreNotCounts() {
        assertRefused(new BigDecimal("1.5"), "the count of web must be a whole number, not 1.5");
        assertRefused(0.25, "the count of web must be a whole number, not 0.25");
        assertRefused(true, "the count of web must be a whole number, not true");
    }

    @Test
    void countsPastAnIntAreLeftForTheCoreToRefuseAsTooManyOrBelowZero() {
        assertThat(ScaleCounts.read(sent("web", 1L << 40))).isEqualTo(Map.of("web", Integer.MAX_VALUE));
        assertThat(ScaleCounts.read(sent("web", new BigDecimal("1E+20")))).isEqualTo(Map.of("web", Integer.MAX_VALUE));
        assertThat(ScaleCounts.read(sent("web", "-99999999999999999999"))).isEqualTo(Map.of("web", -1));
    }

    @Test
    @Timeout(5)
    void aNumberOfMoreDigitsThanPythonReadsIsRefusedWithoutReadingIt() {
        assertRefused("7".repeat(1_000_000),
                "Exceeds the limit (4300 digits) for integer string conversion: value has 1000000 digits");
        assertRefused("+" + "0".repeat(4300) + "1",
                "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits");
    }
}
