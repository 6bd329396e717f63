package dev.drydock.ports.spi;

import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import java.util.Optional;

/** Numbered releases of apps. (app, version) is unique. */
public interface ReleaseRepository {
    /** Stores a release; a taken (app, version) throws {@code ConflictException}. */
    void insert(Release release);

    /** Replaces a stored release (same app and version), e.g. to mark it failed. */
    void update(Release release);

    /** Release {@code version} of an app. */
    Optional<Release> find(String app, int version);

    /** The highest version of an app, failed ones included; 0 when there is none. */
    int maxVersion(String app);

    /** The newest release that did not fail. */
    Optional<Release> latestSucceeded(String app);

    /** An app's releases, newest first, failed ones included. */
    Page<Release> list(String app, PageRequest page);
}
