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
