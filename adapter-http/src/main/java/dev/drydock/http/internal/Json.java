package dev.drydock.http.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

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

    private Json() {
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
