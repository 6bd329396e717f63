package dev.drydock.http.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /v2/openapi.json}: the OpenAPI 3.1 description of this API, kept beside the code as
 * {@code dev/drydock/http/openapi.json}; no authentication, so client authors can read it first.
 */
@Path("v2/openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public final class OpenApiResource {
    /** Where the document is on the classpath. */
    public static final String DOCUMENT = "/dev/drydock/http/openapi.json";

    private final byte[] document;

    public OpenApiResource() {
        // read once: a missing document is a broken build, better found at start-up than per request
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("No " + DOCUMENT + " on the classpath");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    public byte[] document() {
        return document.clone();
    }
}
