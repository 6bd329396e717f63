package dev.drydock.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.drydock.ports.error.DrydockException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request body as a JSON object, read as sent so that a wrong type becomes a field error rather
 * than a binding failure. Declare it as the entity parameter of a resource method; it is parsed on
 * first use, so authentication (checked first in the method) answers before a malformed body does.
 *
 * <p>Accepted: JSON objects ({@code application/json} or any {@code +json} type) and form-encoded
 * bodies (every value a string). An empty body is {@code {}} whatever its type. Other media types
 * are 415; JSON that does not parse, or is not an object, is 400 {@code "JSON parse error - ..."}.
 */
public final class JsonBody {
    private static final String NOT_A_STRING = "Not a valid string.";
    private static final Set<String> TRUE_TEXTS = Set.of("true", "t", "yes", "y", "on", "1");
    private static final Set<String> FALSE_TEXTS = Set.of("false", "f", "no", "n", "off", "0");
    private static final Set<String> NULL_TEXTS = Set.of("null", "none", "");

    private final byte[] bytes;
    private final MediaType mediaType;
    private final String contentTypeHeader;
    private ObjectNode fields;

    JsonBody(byte[] bytes, MediaType mediaType, String contentTypeHeader) {
        this.bytes = bytes;
        this.mediaType = mediaType;
        this.contentTypeHeader = contentTypeHeader;
    }

    /** The whole body as a JSON object (never null). */
    public ObjectNode fields() {
        if (fields == null) {
            fields = parse();
        }
        return fields;
    }

    /** Whether the field was sent at all, with any value (JSON null included). */
    public boolean has(String field) {
        return fields().has(field);
    }

    /** The field's value as sent; empty when absent. JSON null is present, as a null node. */
    public Optional<JsonNode> node(String field) {
        return Optional.ofNullable(fields().get(field));
    }

    /**
     * The field as a string: null when absent or JSON null; numbers are taken as their text, as
     * upstream's serializers do. Booleans, arrays and objects are 400 {@code {"field":["Not a
     * valid string."]}}.
     */
    public String string(String field) {
        JsonNode value = fields().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.asText();
        }
        throw DrydockException.invalidField(field, NOT_A_STRING);
    }

    /**
     * The field as a string, strictly: null when absent or JSON null; anything but a JSON string
     * (numbers too) is 400 {@code {"field":["Not a valid string."]}}. For text that is passed on as
     * it is, such as a command line, where a number means a client's mistake.
     */
    public String text(String field) {
        JsonNode value = fields().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        throw DrydockException.invalidField(field, NOT_A_STRING);
    }

    /** {@link #string} as an Optional: empty when absent or JSON null. */
    public Optional<String> optionalString(String field) {
        return Optional.ofNullable(string(field));
    }

    /**
     * The field as a nullable boolean, read like upstream's NullBooleanField: JSON booleans, 1/0
     * and the texts true/false, yes/no, on/off, t/f, y/n, 1/0 (any case); null, "null", "none"
     * and "" are null, as is an absent field. Anything else is 400 {@code "\"x\" is not a valid boolean."}.
     */
    public Boolean bool(String field) {
        JsonNode value = fields().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && (value.asLong() == 0 || value.asLong() == 1)) {
            return value.asLong() == 1;
        }
        if (value.isTextual()) {
            String text = value.textValue().strip().toLowerCase(Locale.ROOT);
            if (TRUE_TEXTS.contains(text)) {
                return true;
            }
            if (FALSE_TEXTS.contains(text)) {
                return false;
            }
            if (NULL_TEXTS.contains(text)) {
                return null;
            }
        }
        throw DrydockException.invalidField(field, "\"" + value.asText() + "\" is not a valid boolean.");
    }

    /**
     * A field holding a JSON object, or a string that holds one (upstream accepts both for
     * dict fields). Null when absent or JSON null. Values are plain Java values ({@link #toJava}),
     * with JSON nulls kept as null entries. Anything else is 400 on the field.
     */
    public Map<String, Object> object(String field) {
        JsonNode value = fields().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            try {
                value = Json.readTree(value.textValue());
            } catch (Json.NotJson e) {
                throw DrydockException.invalidField(field, "Value must be valid JSON.");
            }
        }
        if (value == null || !value.isObject()) {
            throw DrydockException.invalidField(field,
                    "Expected a dictionary of items but got type \"" + typeName(value) + "\".");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) toJava(value);
        return map;
    }

    /** The whole body as plain Java values (see {@link #toJava}). */
    public Map<String, Object> toMap() {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) toJava(fields());
        return map;
    }

    /**
     * A JSON tree as plain Java: objects become insertion-ordered maps (null values kept), arrays
     * lists, strings strings, integral numbers Integer/Long/BigInteger, other numbers BigDecimal,
     * booleans Boolean, null null.
     */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), toJava(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(toJava(item)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue()
                    : node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asText();
    }

    private ObjectNode parse() {
        if (bytes.length == 0) {
            return Json.emptyObject();
        }
        if (mediaType == null || isJson(mediaType)) {
            return parseJson();
        }
        if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(mediaType)) {
            return parseForm();
        }
        throw new NotSupportedException(MediaHeadersFilter.unsupported(contentTypeHeader));
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
                || ("application".equalsIgnoreCase(type.getType())
                    && type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }

    private ObjectNode parseJson() {
        JsonNode tree;
        try {
            tree = Json.readTree(bytes);
        } catch (Json.NotJson e) {
            throw DrydockException.invalid("JSON parse error - " + e.getMessage());
        }
        if (tree.isMissingNode()) {
            throw DrydockException.invalid("JSON parse error - Expecting value: the body holds no JSON");
        }
        if (!tree.isObject()) {
            throw DrydockException.invalid("JSON parse error - Expected a JSON object but got " + typeName(tree));
        }
        return (ObjectNode) tree;
    }

    private ObjectNode parseForm() {
        Charset charset = charset();
        ObjectNode form = Json.emptyObject();
        for (String pair : new String(bytes, StandardCharsets.ISO_8859_1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                // Like a Django QueryDict read with get(): the last value of a repeated name wins.
                form.set(decode(name, charset), TextNode.valueOf(decode(value, charset)));
            } catch (IllegalArgumentException e) {
                throw DrydockException.invalid("Form parse error - " + e.getMessage());
            }
        }
        return form;
    }

    private static String decode(String raw, Charset charset) {
        // The raw text was read as ISO-8859-1, so each char is one byte again.
        String bytesAsText = URLDecoder.decode(raw, StandardCharsets.ISO_8859_1);
        return new String(bytesAsText.getBytes(StandardCharsets.ISO_8859_1), charset);
    }

    private Charset charset() {
        String name = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new NotSupportedException(MediaHeadersFilter.unsupported(contentTypeHeader));
        }
    }

    private static String typeName(JsonNode node) {
        if (node == null) {
            return "null";
        }
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case ARRAY -> "list";
            case OBJECT -> "dict";
            case STRING -> "str";
            case BOOLEAN -> "bool";
            case NUMBER -> node.isIntegralNumber() ? "int" : "float";
            case NULL, MISSING -> "NoneType";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
