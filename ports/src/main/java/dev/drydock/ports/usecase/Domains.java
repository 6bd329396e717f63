package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;

/**
 * The hostnames routed to an app.
 *
 * <p>Errors, as {@link dev.drydock.ports.error.DrydockException} subclasses with a message and a
 * kind: a caller whose account is disabled or gone, or one the core did not hand out, is refused
 * with {@code UnauthorizedException}; an unknown app with {@code NotFoundException}; a caller who
 * may not use (or, where said, own) the app with {@code ForbiddenException}; a value that breaks a
 * rule with {@code InvalidException} (with field messages where a field is to blame); a backing
 * service that fails with {@code UnavailableException}.
 */
public interface Domains {
    /** Adds a domain (Unicode or ASCII; stored in ASCII form). */
    Domain add(Caller caller, String app, String domain);

    /** An app's domains ordered by name. */
    Page<Domain> list(Caller caller, String app, PageRequest page);

    /** Removes a domain (owner or admin), detaching its certificate first. */
    void remove(Caller caller, String app, String domain);
}
