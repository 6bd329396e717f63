package dev.drydock.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.drydock.ports.model.JsonTree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON documents in text columns: config maps, structures, Procfiles, SANs. */
final class JsonText {
    // floats as BigDecimal and whole numbers as Integer/Long/BigInteger: JsonTree's canonical form
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    // readers made once: a lookup of the target type per read costs more than reading a small document
    private static final ObjectReader MAP = MAPPER.readerFor(new TypeReference<LinkedHashMap<String, Object>>() {
    });
    private static final ObjectReader STRINGS = MAPPER.readerFor(new TypeReference<List<String>>() {
    });

    private JsonText() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A stored JSON object, in JsonTree's canonical form. */
    static Map<String, Object> map(String json) {
        // most structures and Procfiles of a list are empty
        if ("{}".equals(json)) {
            return Map.of();
        }
        return JsonTree.canonicalMap(read(json, MAP));
    }

    /** A stored JSON object of strings. */
    @SuppressWarnings("unchecked")
    static Map<String, String> strings(Object json) {
        return (Map<String, String>) (Map<String, ?>) map((String) json);
    }

    /** A stored JSON object of whole numbers. */
    @SuppressWarnings("unchecked")
    static Map<String, Integer> counts(String json) {
        return (Map<String, Integer>) (Map<String, ?>) map(json);
    }

    static List<String> list(String json) {
        return read(json, STRINGS);
    }

    private static <T> T read(String json, ObjectReader type) {
        try {
            return type.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON document cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
