package dev.drydock.ports.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** What to run: an image (and for buildpack builds a sha), a Procfile and maybe a Dockerfile. */
public record Build(UUID uuid, String app, String owner, String image, String sha,
                    Map<String, String> procfile, String dockerfile, Instant created, Instant updated) {
    public Build {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(image, "image");
        sha = sha == null ? "" : sha;
        procfile = Maps.sortedCopy(procfile);
        dockerfile = dockerfile == null ? "" : dockerfile;
    }

    /** dockerfile, buildpack or image, as the platform tells them apart. */
    public BuildType type() {
        if (!dockerfile.isEmpty()) {
            return BuildType.DOCKERFILE;
        }
        return sha.isEmpty() ? BuildType.IMAGE : BuildType.BUILDPACK;
    }

    public Build withOwner(String newOwner) {
        return new Build(uuid, app, newOwner, image, sha, procfile, dockerfile, created, updated);
    }
}
