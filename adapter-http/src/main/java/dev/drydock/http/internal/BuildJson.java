package dev.drydock.http.internal;

import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Timestamps;
import java.util.Map;
import java.util.UUID;

/** A build as the API shows it. */
public record BuildJson(UUID uuid, String app, String owner, String image, String sha, Map<String, String> procfile,
                        String dockerfile, String created, String updated) {

    public static BuildJson of(Build build) {
        return new BuildJson(build.uuid(), build.app(), build.owner(), build.image(), build.sha(), build.procfile(),
                build.dockerfile(), Timestamps.format(build.created()), Timestamps.format(build.updated()));
    }
}
