package dev.drydock.http.internal;

import dev.drydock.ports.model.Release;
import dev.drydock.ports.model.Timestamps;
import java.util.UUID;

/** A release as the API shows it: config and build are uuids (build null before the first build). */
public record ReleaseJson(UUID uuid, String app, String owner, int version, String summary, boolean failed,
                          String exception, UUID config, UUID build, String created, String updated) {

    public static ReleaseJson of(Release release) {
        return new ReleaseJson(release.uuid(), release.app(), release.owner(), release.version(), release.summary(),
                release.failed(), release.exception(), release.config(), release.build(),
                Timestamps.format(release.created()), Timestamps.format(release.updated()));
    }
}
