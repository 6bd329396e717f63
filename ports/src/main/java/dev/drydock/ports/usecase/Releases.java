package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import java.util.Optional;

/** An app's numbered releases and rollback. */
public interface Releases {
    /** An app's releases, newest first. */
    Page<Release> list(Caller caller, String app, PageRequest page);

    /** One release by version number. */
    Release get(Caller caller, String app, int version);

    /**
     * Makes a new release that reuses an earlier release's build and config (by default the one
     * before the latest good release) and deploys it. {@code version} is as sent (a number or a
     * numeric string). Returns the new version.
     */
    int rollback(Caller caller, String app, Optional<String> version);
}
