package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import java.util.OptionalInt;

/**
 * An app's numbered releases and rollback. Every method refuses a caller whose account is disabled
 * or gone with {@code UnauthorizedException}, an unknown app with {@code NotFoundException} and a
 * caller who may not use the app with {@code ForbiddenException}.
 */
public interface Releases {
    /** An app's releases, newest first. */
    Page<Release> list(Caller caller, String app, PageRequest page);

    /**
     * One release by version number.
     *
     * @throws dev.drydock.ports.error.NotFoundException if the app has no such release
     */
    Release get(Caller caller, String app, int version);

    /**
     * Makes a new release that reuses an earlier release's build and config (by default, when
     * {@code version} is empty, the one before the latest good release) and deploys it. Returns the
     * new version.
     *
     * @throws dev.drydock.ports.error.InvalidException if the target is below 1, is v1, does not
     *         exist or failed, or if the deploy fails (the new release is kept as failed)
     */
    int rollback(Caller caller, String app, OptionalInt version);

    /** {@link #rollback(Caller, String, OptionalInt)} to the release before the latest good one. */
    default int rollback(Caller caller, String app) {
        return rollback(caller, app, OptionalInt.empty());
    }

    /** {@link #rollback(Caller, String, OptionalInt)} to release {@code version}. */
    default int rollback(Caller caller, String app, int version) {
        return rollback(caller, app, OptionalInt.of(version));
    }
}
