package dev.drydock.core.release;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.Store;
import java.util.Optional;

/**
 * What an app runs now: its latest good release, with that release's build and config. Failed
 * releases keep their numbers but are never the base of a new one.
 */
public final class Current {
    public static final String NO_RELEASE = "No Release matches the given query.";
    public static final String NO_BUILD = "No Build matches the given query.";
    public static final String NO_CONFIG = "No Config matches the given query.";

    private Current() {
    }

    /** The newest release that did not fail. */
    public static Optional<Release> release(Store store, String app) {
        return store.releases().latestSucceeded(app);
    }

    /** The build of a release; empty before the first build. */
    public static Optional<Build> build(Store store, Release release) {
        return release.build() == null ? Optional.empty() : store.builds().find(release.build());
    }

    /** The config of a release. */
    public static Config config(Store store, Release release) {
        return store.configs().find(release.config())
                .orElseThrow(() -> DrydockException.notFound(NO_CONFIG));
    }

    /**
     * The config new changes build on: the latest good release's, or else the app's newest config.
     */
    public static Config config(Store store, String app) {
        Optional<Release> release = release(store, app);
        if (release.isPresent()) {
            return config(store, release.get());
        }
        return store.configs().latest(app).orElseThrow(() -> DrydockException.notFound(NO_CONFIG));
    }
}
