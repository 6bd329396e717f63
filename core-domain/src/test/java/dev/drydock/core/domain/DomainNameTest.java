package dev.drydock.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.ports.error.InvalidException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DomainNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"django.paas-sandbox", "django.paas--sandbox", "domain", "3com.com", "3333.xyz",
            "autotest.127.0.0.1.xip.io", "*.drycc.example.com", "MYDOMAIN.NET", "xn--80ahd1agd.ru"})
    void acceptsTheValidExamplesAsTheyAre(String input) {
        assertThat(DomainName.of(input).value()).isEqualTo(input);
    }

    @ParameterizedTest
    @CsvSource({
            "домена.ru, xn--80ahd1agd.ru",
            "Домена.RU, xn--80ahd1agd.RU",
            "*.домена.ru, *.xn--80ahd1agd.ru",
            "straße.de, xn--strae-oqa.de",
            "www.bücher.example, www.xn--bcher-kva.example",
            "example.com., example.com",
            "*.example.com., *.example.com"})
    void storesTheAsciiFormWithoutTheTrailingDot(String input, String stored) {
        assertThat(DomainName.of(input).value()).isEqualTo(stored);
    }

    @Test
    void theUnicodeAndAsciiFormsAreTheSameName() {
        assertThat(DomainName.of("домена.ru")).isEqualTo(DomainName.of("xn--80ahd1agd.ru"));
        assertThat(DomainName.of("*.example.com").wildcard()).isTrue();
        assertThat(DomainName.of("example.com").wildcard()).isFalse();
    }

    @Test
    void refusesALabelIdnaRejects() {
        assertThat(message("this_is_an.invalid.domain")).isEqualTo(
                "Hostname does not look valid, could not convert to ACE this_is_an.invalid.domain: "
                        + "Codepoint U+005F at position 5 of 'this_is_an' not allowed");
        assertThat(message("django.pa--assandbox")).isEqualTo(
                "Hostname does not look valid, could not convert to ACE django.pa--assandbox: "
                        + "Label has disallowed hyphens in 3rd and 4th position");
        assertThat(message("a".repeat(64) + ".com")).isEqualTo(
                "Hostname does not look valid, could not convert to ACE " + "a".repeat(64) + ".com: Label too long");
        assertThat(message("a".repeat(300))).endsWith(": Label too long");
        assertThat(message("foo.*.bar.com")).isEqualTo(
                "Hostname does not look valid, could not convert to ACE foo.*.bar.com: "
                        + "Codepoint U+002A at position 1 of '*' not allowed");
        assertThat(message("-foo.com")).endsWith(": Label must not start or end with a hyphen");
        assertThat(message("foo..com")).isEqualTo(
                "Hostname does not look valid, could not convert to ACE foo..com: Empty Label");
        assertThat(message("example.com..")).as("only one trailing dot goes").endsWith(": Empty Label");
        assertThat(message("xn--abc.com")).endsWith(": The label 'xn--abc' is not a valid A-label");
        assertThat(message("foo bar.com")).endsWith(": Codepoint U+0020 at position 4 of 'foo bar' not allowed");
    }

    /** UTS #46 lets through what IDNA2008 marks NV8 (symbols, punctuation); IDNA2008 does not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\uD83D\uDE00.com        | U+1F600 at position 1 of '\uD83D\uDE00'",
            "xn--e28h.com              | U+1F600 at position 1 of '\uD83D\uDE00'",
            "a\u2665.com              | U+2665 at position 2 of 'a\u2665'",
            "ab\u00A9.com             | U+00A9 at position 3 of 'ab\u00A9'",
            "a\u00BD.com              | U+2044 at position 3 of 'a1\u20442'",
            "\uD834\uDD1E.com        | U+1D11E at position 1 of '\uD834\uDD1E'",
            "\u0628\u0640\u0628.com     | U+0640 at position 2 of '\u0628\u0640\u0628'",
            "\u07CA\u07FA.com           | U+07FA at position 2 of '\u07CA\u07FA'",
            "a\u302E.com              | U+302E at position 2 of 'a\u302E'",
            "\u303B.com               | U+303B at position 1 of '\u303B'",
            "\u1100.com               | U+1100 at position 1 of '\u1100'",
            "a\u20D0.com              | U+20D0 at position 2 of 'a\u20D0'"})
    void refusesWhatIdna2008Disallows(String input, String codepoint) {
        assertThat(message(input)).isEqualTo("Hostname does not look valid, could not convert to ACE " + input
                + ": Codepoint " + codepoint + " not allowed");
    }

    /** Letters, marks and digits of any script, and the exceptions RFC 5892 lets in. */
    @ParameterizedTest
    @CsvSource({
            "\u0939\u093F\u0928\u094D\u0926\u0940.com, xn--j2bd4cyah0f.com",
            "\u65E5\u672C\u8A9E.jp, xn--wgv71a119e.jp",
            "e\u0301.com, xn--9ca.com",
            "\u03C2.com, xn--3xa.com",
            "\u06FD.com, xn--qmb.com",
            "\u06FE.com, xn--rmb.com",
            "\u0F0B.com, xn--nbd.com",
            "\u3007.com, xn--w6j.com",
            "l\u00B7l.com, xn--ll-0ea.com",
            "\u0375\u03B1.com, xn--wva4j.com",
            "\u05D0\u05F3.com, xn--4db4e.com",
            "\u30FB\u30A2.com, xn--cckyj.com",
            "\u06F0\u06F1.com, xn--dmbc.com",
            "\u0628\u200C\u0628.com, xn--ngba799q.com",
            "\u0915\u094D\u200D.com, xn--11b6iy14e.com",
            "a\u2460.com, a1.com",
            "\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45.com, example.com"})
    void acceptsWhatIdna2008Allows(String input, String stored) {
        assertThat(DomainName.of(input).value()).isEqualTo(stored);
    }

    @Test
    void refusesAWildcardAlone() {
        assertThat(message("*")).isEqualTo("Hostname can't only be a wildcard");
        assertThat(message("*.")).isEqualTo("Hostname can't only be a wildcard");
        assertThat(message("*foo.com")).startsWith("Hostname does not look valid, could not convert to ACE *foo.com");
    }

    @Test
    void refusesAnAllDigitLastLabel() {
        assertThat(message("this-is-an.invalid.1")).isEqualTo("Hostname does not look valid.");
        assertThat(message("127.0.0.1")).isEqualTo("Hostname does not look valid.");
    }

    @Test
    void refusesMoreThan253Characters() {
        String label = "a".repeat(60);
        String name253 = String.join(".", label, label, label, label, "b".repeat(9));

        assertThat(DomainName.of(name253).value()).hasSize(253);
        assertThat(message(name253 + "b")).isEqualTo("Hostname must be 253 characters or less.");
        assertThat(message(String.join(".", label, label, label, label, label))).isEqualTo(
                "Hostname must be 253 characters or less.");
    }

    @Test
    void aLabelTooLongForIcuToConvertIsTooLongLikeAnyOther() {
        String longLabel = "é".repeat(2000);
        assertThat(message(longLabel)).isEqualTo(
                "Hostname does not look valid, could not convert to ACE " + longLabel + ": Label too long");
        assertThat(message("www." + longLabel + ".com")).endsWith(": Label too long");
        assertThat(message("xn--" + "a".repeat(2000) + "-" + "b".repeat(10))).endsWith(": Label too long");
        assertThat(DomainName.lookupForm(longLabel)).isEqualTo(longLabel);
    }

    @Test
    void looksUpByTheAsciiFormOrAsGiven() {
        assertThat(DomainName.lookupForm("домена.ru")).isEqualTo("xn--80ahd1agd.ru");
        assertThat(DomainName.lookupForm("*.домена.ru")).isEqualTo("*.xn--80ahd1agd.ru");
        assertThat(DomainName.lookupForm("not_a_host")).isEqualTo("not_a_host");
    }

    private static String message(String input) {
        InvalidException error = catchThrowableOfType(InvalidException.class, () -> DomainName.of(input));
        assertThat(error.fieldErrors()).containsOnlyKeys("domain");
        List<String> messages = error.fieldErrors().get("domain");
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }
}
