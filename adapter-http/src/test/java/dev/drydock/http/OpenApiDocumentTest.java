package dev.drydock.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.http.ApiFixture.Reply;
import dev.drydock.http.internal.OpenApiResource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document names exactly the server's routes, is served, and its check can fail. */
class OpenApiDocumentTest {
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w+)\\s*(?::[^}]*)?}");
    private static final Optional<String> JSON = Optional.of("application/json");

    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void documentsEveryRouteTheServerHasAndNoOther() {
        ResourceConfig config = HttpApi.resourceConfig(ApiFixture.services(api.core, () -> true));
        Set<String> served = new TreeSet<>();
        Stream.concat(config.getInstances().stream().map(Object::getClass), config.getClasses().stream())
                .map(Resource::from).filter(Objects::nonNull) // null: a provider, not a resource
                .forEach(resource -> collect(resource, "", served));
        // not vacuous: the resources were found
        assertThat(served).as("routes found in Jersey's resource model").contains("GET /v2/apps/{id}", "GET /v2/openapi.json");

        Set<String> documented = OpenApiDocument.INSTANCE.routes();
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(served);
        SoftAssertions.assertSoftly(both -> {
            both.assertThat(undocumented).as("routes the server has that openapi.json does not document").isEmpty();
            both.assertThat(missing).as("routes openapi.json documents that the server does not have").isEmpty();
        });
    }

    /** "METHOD /path" of every resource method, parameters as {name}, no trailing slash. */
    private static void collect(Resource resource, String parent, Set<String> routes) {
        String path = normalise(parent + "/" + resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            routes.add(method.getHttpMethod() + " " + path);
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    private static String normalise(String template) {
        String path = PARAMETER.matcher(template).replaceAll("{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Test
    void theDocumentIsServedAsKeptWithoutAuthentication() throws IOException {
        Reply reply = api.get("/v2/openapi.json", null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        try (InputStream kept = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertThat(reply.body()).isEqualTo(new String(kept.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(reply.json().get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(api.get("/v2/openapi.json/", null).status()).isEqualTo(200);
    }

    @Test
    void aBodyThatDoesNotMatchItsSchemaFails() {
        URI app = api.uri("/v2/apps/web");

        assertThatThrownBy(() -> OpenApiDocument.INSTANCE.check("GET", app, 200, JSON, "{\"id\": 5}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /v2/apps/{id} 200")
                .hasMessageContaining("/id integer found, string expected")
                .hasMessageContaining("required property 'uuid' not found");
    }

    @Test
    void aStatusTheRouteDoesNotListFails() {
        assertThatThrownBy(() -> OpenApiDocument.INSTANCE.check("POST", api.uri("/v2/apps/web/scale"), 200, JSON, "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("POST /v2/apps/{id}/scale answered 200, a status the document does not list");
    }

    @Test
    void anErrorBodyOfTheWrongShapeFails() {
        assertThatThrownBy(() -> OpenApiDocument.INSTANCE.check("GET", api.uri("/v2/apps"), 401, JSON, "{\"error\": \"no\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /v2/apps 401");
    }

    @Test
    void aRequestOutsideTheRoutesMustBeRefused() {
        assertThatThrownBy(() -> OpenApiDocument.INSTANCE.check("GET", api.uri("/v2/nothing-here"), 200, JSON, "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no documented route");
        // the method a path does not have is refused with a Detail
        OpenApiDocument.INSTANCE.check("PATCH", api.uri("/v2/apps"), 405, JSON, "{\"detail\": \"Method \\\"PATCH\\\" not allowed.\"}");
    }
}
