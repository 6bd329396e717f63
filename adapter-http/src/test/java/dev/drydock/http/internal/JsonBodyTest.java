package dev.drydock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.ErrorKind;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
    private static JsonBody json(String text) {
        return new JsonBody(text.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE, "application/json");
    }

    private static void assertFieldError(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DrydockException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
            assertThat(e.fieldErrors()).isEqualTo(Map.of(field, List.of(message)));
        });
    }

    @Test
    void stringsAcceptNumbersAndRefuseOtherTypes() {
        JsonBody body = json("{\"a\": \"x\", \"n\": 12, \"f\": 1.5, \"b\": true, \"o\": {}, \"z\": null}");

        assertThat(body.string("a")).isEqualTo("x");
        assertThat(body.string("n")).isEqualTo("12");
        assertThat(body.string("f")).isEqualTo("1.5");
        assertThat(body.string("z")).isNull();
        assertThat(body.string("missing")).isNull();
        assertThat(body.has("z")).isTrue();
        assertThat(body.has("missing")).isFalse();
        assertFieldError(() -> body.string("b"), "b", "Not a valid string.");
        assertFieldError(() -> body.string("o"), "o", "Not a valid string.");
    }

    @Test
    void textIsAJsonStringOnly() {
        JsonBody body = json("{\"a\": \"x\", \"n\": 12, \"b\": false, \"l\": [\"ls\"], \"o\": {}, \"z\": null}");

        assertThat(body.text("a")).isEqualTo("x");
        assertThat(body.text("z")).isNull();
        assertThat(body.text("missing")).isNull();
        for (String field : List.of("n", "b", "l", "o")) {
            assertFieldError(() -> body.text(field), field, "Not a valid string.");
        }
    }

    @Test
    void booleansAreReadLikeUpstreamsNullBooleanField() {
        JsonBody body = json("{\"a\": true, \"b\": \"False\", \"c\": 1, \"d\": \"null\", \"e\": null,"
                + " \"f\": \"maybe\", \"g\": 2}");

        assertThat(body.bool("a")).isTrue();
        assertThat(body.bool("b")).isFalse();
        assertThat(body.bool("c")).isTrue();
        assertThat(body.bool("d")).isNull();
        assertThat(body.bool("e")).isNull();
        assertThat(body.bool("absent")).isNull();
        assertFieldError(() -> body.bool("f"), "f", "\"maybe\" is not a valid boolean.");
        assertFieldError(() -> body.bool("g"), "g", "\"2\" is not a valid boolean.");
    }

    @Test
    void objectsMayBeSentAsJsonText() {
        JsonBody body = json("{\"values\": \"{\\\"FOO\\\": \\\"bar\\\", \\\"GONE\\\": null}\", \"list\": [1]}");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("FOO", "bar");
        expected.put("GONE", null);
        assertThat(body.object("values")).isEqualTo(expected);
        assertThat(body.object("absent")).isNull();
        assertFieldError(() -> body.object("list"), "list", "Expected a dictionary of items but got type \"list\".");
    }

    @Test
    void toJavaKeepsTypes() {
        Map<String, Object> map = json("{\"i\": 1, \"l\": 12345678901, \"d\": 0.25, \"s\": \"x\", \"a\": [true, null]}")
                .toMap();

        assertThat(map.get("i")).isEqualTo(1);
        assertThat(map.get("l")).isEqualTo(12345678901L);
        assertThat(map.get("d")).isEqualTo(new BigDecimal("0.25"));
        assertThat(map.get("a")).isEqualTo(Arrays.asList(true, null));
    }

    @Test
    void anEmptyBodyIsAnEmptyObjectWhateverItsType() {
        JsonBody body = new JsonBody(new byte[0], MediaType.TEXT_PLAIN_TYPE, "text/plain");

        assertThat(body.fields().isEmpty()).isTrue();
    }

    @Test
    void formBodiesAreStrings() {
        JsonBody body = new JsonBody("a=1&b=x+y%26z&b=last&c&%C3%A9=%C3%A9".getBytes(StandardCharsets.US_ASCII),
                MediaType.APPLICATION_FORM_URLENCODED_TYPE, "application/x-www-form-urlencoded");

        assertThat(body.string("a")).isEqualTo("1");
        assertThat(body.string("b")).isEqualTo("last");
        assertThat(body.string("c")).isEmpty();
        assertThat(body.string("é")).isEqualTo("é");
    }

    @Test
    void otherMediaTypesAreUnsupported() {
        JsonBody body = new JsonBody("x".getBytes(StandardCharsets.US_ASCII), MediaType.TEXT_PLAIN_TYPE, "text/plain");

        assertThatThrownBy(body::fields).isInstanceOf(NotSupportedException.class);
    }

    @Test
    void jsonSuffixTypesAreJson() {
        JsonBody body = new JsonBody("{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_8),
                MediaType.valueOf("application/vnd.api+json"), "application/vnd.api+json");

        assertThat(body.string("a")).isEqualTo("b");
    }

    @Test
    void parseErrorsAreInvalid() {
        assertThatThrownBy(() -> json("{\"a\": }").fields()).isInstanceOfSatisfying(DrydockException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
            assertThat(e.getMessage()).startsWith("JSON parse error - ").contains("line 1 column");
        });
        assertThatThrownBy(() -> json("  ").fields()).isInstanceOfSatisfying(DrydockException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
            assertThat(e.getMessage()).isEqualTo("JSON parse error - Expecting value: the body holds no JSON");
        });
        assertThatThrownBy(() -> json("[]").fields()).hasMessageContaining("list");
    }
}
