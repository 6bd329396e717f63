package dev.drydock.ports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A numbered release of an app: a build (none before the first deploy) and a config. Versions start
 * at 1 and are never reused; a failed release keeps its number.
 */
public record Release(UUID uuid, String app, String owner, int version, String summary,
                      boolean failed, String exception, UUID config, UUID build,
                      Instant created, Instant updated) {
    public Release {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(owner, "owner");
        if (version < 1) {
            throw new IllegalArgumentException("release versions start at 1");
        }
        summary = summary == null ? "" : summary;
        Objects.requireNonNull(config, "config");
    }

    public String name() {
        return "v" + version;
    }

    public Release asFailed(String newSummary, String error, Instant now) {
        return new Release(uuid, app, owner, version, newSummary, true, error, config, build, created, now);
    }

    public Release withOwner(String newOwner) {
        return new Release(uuid, app, newOwner, version, summary, failed, exception, config, build, created, updated);
    }
}
