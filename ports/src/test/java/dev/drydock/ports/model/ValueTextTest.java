package dev.drydock.ports.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Config values are shown as Python's str() of what was stored, as upstream shows them. */
class ValueTextTest {

    @Test
    void scalarsReadAsPythonPrintsThem() {
        assertThat(ValueText.str("text")).isEqualTo("text");
        assertThat(ValueText.str(5000)).isEqualTo("5000");
        assertThat(ValueText.str(new BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
        assertThat(ValueText.str(true)).isEqualTo("True");
        assertThat(ValueText.str(false)).isEqualTo("False");
        assertThat(ValueText.str(null)).isEqualTo("None");
    }

    @Test
    void floatsKeepAFractionAndSwitchToExponentsAtPythonsThresholds() {
        assertThat(ValueText.str(new BigDecimal("1.50"))).isEqualTo("1.5");
        assertThat(ValueText.str(new BigDecimal("2.0"))).isEqualTo("2.0");
        assertThat(ValueText.str(new BigDecimal("0.0001"))).isEqualTo("0.0001");
        assertThat(ValueText.str(new BigDecimal("0.00001"))).isEqualTo("1e-05");
        assertThat(ValueText.str(new BigDecimal("1.5e-7"))).isEqualTo("1.5e-07");
        assertThat(ValueText.str(new BigDecimal("123456789.125"))).isEqualTo("123456789.125");
        assertThat(ValueText.str(new BigDecimal("1e16"))).isEqualTo("1e+16");
        assertThat(ValueText.str(new BigDecimal("-2.5e20"))).isEqualTo("-2.5e+20");
    }

    @Test
    void structuresReadAsTheirPythonRepr() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", List.of("x", true));

        assertThat(ValueText.str(map)).isEqualTo("{'a': 1, 'b': ['x', True]}");
        assertThat(ValueText.str(List.of("it's"))).isEqualTo("[\"it's\"]");
    }
}
