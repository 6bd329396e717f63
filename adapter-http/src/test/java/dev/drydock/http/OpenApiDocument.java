package dev.drydock.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.drydock.http.internal.OpenApiResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The API's OpenAPI document as the tests read it: the routes it names, and {@link #check} of a
 * response against what it documents for that route and status. Loaded once per test JVM; each
 * response schema is compiled the first time it is needed and kept.
 */
final class OpenApiDocument {
    // an address of our own for the document, so the validator resolves its "#/components/..." in it
    private static final String IRI = "https://drydock.dev/openapi.json";
    private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    // after the constants it uses
    static final OpenApiDocument INSTANCE = new OpenApiDocument();

    private final JsonNode document;
    private final List<Template> templates;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiDocument() {
        byte[] bytes;
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("No " + OpenApiResource.DOCUMENT + " on the test classpath");
            }
            bytes = in.readAllBytes();
            document = new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(IRI, text)));
        List<Template> all = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> all.add(Template.of(path.getKey(), path.getValue())));
        // as Jersey prefers: the template with more literal characters wins
        all.sort(Comparator.comparingInt(Template::literalLength).reversed());
        templates = List.copyOf(all);
    }

    /** Every documented route as "METHOD /path/{param}". */
    Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            if (METHODS.contains(key)) {
                routes.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return routes;
    }

    /**
     * Fails when the document does not describe this response: its status for the route, its
     * media type, and a JSON body against the response's schema. A request that matches no
     * documented path, or a path without its method, must get the Detail error of 404 or 405.
     */
    void check(String method, URI uri, int status, Optional<String> contentType, String body) {
        String verb = method.toUpperCase(Locale.ROOT);
        if (verb.equals("OPTIONS")) {
            return; // Jersey answers preflights on every path itself; the document says so in its description
        }
        String path = uri.getRawPath();
        Optional<Template> template = templates.stream().filter(t -> t.matches(path)).findFirst();
        String documented = verb.equals("HEAD") ? "get" : verb.toLowerCase(Locale.ROOT);
        if (template.isEmpty() || !template.get().node().has(documented)) {
            // no route (404) or not this method (405): the server can only refuse, with its usual error body
            String what = verb + " " + path + " (no documented route) " + status;
            if (status < 400) {
                throw new AssertionError(what + ": a request outside the documented routes was not refused; body: " + body);
            }
            if (!verb.equals("HEAD") && !body.isEmpty()) {
                validate(what, "#/components/schemas/" + (status == 500 ? "ServerError" : "Detail"), body);
            }
            return;
        }
        String route = verb + " " + template.get().path();
        String pointer = "#/paths/" + escape(template.get().path()) + "/" + documented + "/responses/" + status;
        JsonNode response = template.get().node().get(documented).path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            throw new AssertionError(route + " answered " + status + ", a status the document does not list for it ("
                    + uri + "); body: " + body);
        }
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText();
            response = at(pointer);
        }
        JsonNode content = response.path("content");
        if (verb.equals("HEAD") || body.isEmpty() && (content.isMissingNode() || status == 204)) {
            return;
        }
        if (content.isMissingNode()) {
            throw new AssertionError(route + " answered " + status + " with a body where the document has none: " + body);
        }
        String type = contentType.map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT)).orElse("");
        if (!content.has(type)) {
            throw new AssertionError(route + " answered " + status + " as '" + type + "', not as documented "
                    + iterable(content.fieldNames()) + "; body: " + body);
        }
        if (type.equals("application/json")) {
            validate(route + " " + status, pointer + "/content/application~1json/schema", body);
        }
    }

    private void validate(String what, String schemaPointer, String body) {
        Schema schema = schemas.computeIfAbsent(schemaPointer, p -> registry.getSchema(SchemaLocation.of(IRI + p)));
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError(what + ": the body does not match " + schemaPointer + ": "
                    + errors.stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).collect(Collectors.joining("; "))
                    + "\nbody: " + body);
        }
    }

    private JsonNode at(String pointer) {
        return document.at(pointer.substring(1));
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /** A documented path and the regular expression of the request paths it takes. */
    private record Template(String path, JsonNode node, Pattern regex, int literalLength) {
        static Template of(String path, JsonNode node) {
            StringBuilder regex = new StringBuilder();
            Matcher m = TEMPLATE.matcher(path);
            int at = 0;
            int literals = 0;
            while (m.find()) {
                regex.append(Pattern.quote(path.substring(at, m.start())));
                literals += m.start() - at;
                regex.append("(?:").append(parameterPattern(node, m.group(1))).append(')');
                at = m.end();
            }
            regex.append(Pattern.quote(path.substring(at))).append("/?");
            literals += path.length() - at;
            return new Template(path, node, Pattern.compile(regex.toString()), literals);
        }

        /** The parameter's own pattern (as the route's), else one segment. */
        private static String parameterPattern(JsonNode pathItem, String name) {
            for (JsonNode operation : pathItem) {
                for (JsonNode parameter : operation.path("parameters")) {
                    if (parameter.path("in").asText().equals("path") && parameter.path("name").asText().equals(name)) {
                        String pattern = parameter.path("schema").path("pattern").asText("^[^/]+$");
                        return pattern.substring(1, pattern.length() - 1);
                    }
                }
            }
            throw new IllegalStateException(name + " in a documented path is no path parameter of it: " + pathItem);
        }

        boolean matches(String requestPath) {
            return regex.matcher(requestPath).matches();
        }
    }
}
