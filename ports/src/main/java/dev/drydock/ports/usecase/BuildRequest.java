package dev.drydock.ports.usecase;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a new build is made of: an image, and optionally the commit sha, the Procfile (process type
 * to command) and the Dockerfile. Start with {@link #image(String)} and add the rest:
 * {@code BuildRequest.image("example/shop:1").sha("c0ffee").procfile(Map.of("web", "shop serve"))}.
 *
 * <p>A null field was not sent. The canonical constructor takes the Procfile as JSON-like values,
 * for adapters that pass a request on as it came; the core checks every field.
 */
public record BuildRequest(String image, String sha, Map<String, Object> procfile, String dockerfile) {
    public BuildRequest {
        // a copy that keeps the order and any null the sender put in, which the core reports
        procfile = procfile == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(procfile));
    }

    /** A request for a build of {@code image}, with nothing else set. */
    public static BuildRequest image(String image) {
        return new BuildRequest(Objects.requireNonNull(image, "image"), null, null, null);
    }

    /** This request with the commit sha the image was built from (at most 40 characters). */
    public BuildRequest sha(String sha) {
        return new BuildRequest(image, Objects.requireNonNull(sha, "sha"), procfile, dockerfile);
    }

    /** This request with a Procfile: process type to command. */
    public BuildRequest procfile(Map<String, String> procfile) {
        return new BuildRequest(image, sha, new LinkedHashMap<String, Object>(Map.copyOf(procfile)), dockerfile);
    }

    /** This request with the Dockerfile the image was built with. */
    public BuildRequest dockerfile(String dockerfile) {
        return new BuildRequest(image, sha, procfile, Objects.requireNonNull(dockerfile, "dockerfile"));
    }
}
