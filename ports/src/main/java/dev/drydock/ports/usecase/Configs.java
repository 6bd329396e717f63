package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Config;

/**
 * An app's configuration; each change makes a new config and a new release.
 *
 * <p>Errors, as {@link dev.drydock.ports.error.DrydockException} subclasses with a message and a
 * kind: a caller whose account is disabled or gone, or one the core did not hand out, is refused
 * with {@code UnauthorizedException}; an unknown app with {@code NotFoundException}; a caller who
 * may not use (or, where said, own) the app with {@code ForbiddenException}; a value that breaks a
 * rule with {@code InvalidException} (with field messages where a field is to blame); a backing
 * service that fails with {@code UnavailableException}.
 */
public interface Configs {
    /** The config of the latest good release. */
    Config get(Caller caller, String app);

    /**
     * Merges a change onto the current config and releases it; returns the new config. For example
     * {@code set(ada, "web-shop", ConfigChange.empty().set("A", "1").unset("B").memory("web", "512M"))}.
     *
     * @throws dev.drydock.ports.error.InvalidException (with field messages) if a key or value breaks
     *         a rule, or no node carries the new tags
     * @throws dev.drydock.ports.error.UnprocessableException if the change unsets a key that is not set
     * @throws dev.drydock.ports.error.ConflictException if the tags kept changing while it was checked
     */
    Config set(Caller caller, String app, ConfigChange change);
}
