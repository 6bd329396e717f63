package dev.drydock.http.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one JSON mapper of the API. Responses are records (names set with {@code @JsonProperty}
 * where the API's differ), maps or JSON trees; Jackson writes them through Jersey.
 */
public final class Json {
    /** Shared and thread-safe once configured. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "\\s*\\(bound as `[^`]*`\\)|,? from `[^`]*`|: not allowed as per `[^`]*`");

    private Json() {
    }

    /**
     * Reads JSON text into a tree ({@link MissingNode} for blank text). Anything that stops it, a
     * number too large for Java among them, is {@link NotJson} with a short message.
     */
    public static JsonNode readTree(byte[] json) throws NotJson {
        try (JsonParser parser = MAPPER.createParser(json)) {
            return readTree(parser);
        } catch (JsonProcessingException e) {
            throw new NotJson(describe(e), e.getLocation());
        } catch (IOException e) {
            throw new NotJson(e.getMessage(), null);
        }
    }

    /** {@link #readTree(byte[])} for text. */
    public static JsonNode readTree(String json) throws NotJson {
        try (JsonParser parser = MAPPER.createParser(json)) {
            return readTree(parser);
        } catch (JsonProcessingException e) {
            throw new NotJson(describe(e), e.getLocation());
        } catch (IOException e) {
            throw new NotJson(e.getMessage(), null);
        }
    }

    private static JsonNode readTree(JsonParser parser) throws IOException, NotJson {
        try {
            JsonNode tree = MAPPER.readTree(parser);
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (NumberFormatException | ArithmeticException e) {
            // Jackson lets BigDecimal's refusal of an exponent beyond the int range escape unwrapped.
            throw new NotJson("Number out of range", parser.currentTokenLocation());
        }
    }

    /** Jackson's message without its internals (sources, Java type and feature names), location kept. */
    public static String parseError(JsonProcessingException e) {
        return new NotJson(describe(e), e.getLocation()).getMessage();
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "Invalid JSON";
        }
        if (e instanceof MismatchedInputException && message.startsWith("Trailing token")) {
            return "Extra data";
        }
        message = SOURCE.matcher(message).replaceAll("line $1 column $2");
        return JAVA_NAMES.matcher(message).replaceAll("").replace("`", "");
    }

    /** Text that is not JSON; the message says what and where, briefly. */
    public static final class NotJson extends Exception {
        private static final long serialVersionUID = 1L;

        NotJson(String what, JsonLocation at) {
            super(at == null || at.getLineNr() < 0 ? what
                    : what + " at line " + at.getLineNr() + " column " + at.getColumnNr());
        }
    }

    /** {@code {"detail": message}}, the body of most errors. */
    public static Map<String, Object> detail(String message) {
        return Map.of("detail", message == null ? "" : message);
    }

    /** A bare JSON string body, such as {@code ""} or {@code "No App matches the given query."}. */
    public static JsonNode string(String value) {
        return TextNode.valueOf(value == null ? "" : value);
    }

    /** An empty JSON object, {@code {}}. */
    public static ObjectNode emptyObject() {
        return MAPPER.createObjectNode();
    }

    /** Hands {@link #MAPPER} to Jersey's Jackson provider. */
    @Provider
    public static final class MapperResolver implements ContextResolver<ObjectMapper> {
        @Override
        public ObjectMapper getContext(Class<?> type) {
            return MAPPER;
        }
    }
}
