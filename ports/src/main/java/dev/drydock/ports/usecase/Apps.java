package dev.drydock.ports.usecase;

import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import java.util.Optional;

/**
 * Creating, listing, transferring and destroying apps.
 *
 * <p>Errors, as {@link dev.drydock.ports.error.DrydockException} subclasses with a message and a
 * kind: a caller whose account is disabled or gone, or one the core did not hand out, is refused
 * with {@code UnauthorizedException}; an unknown app with {@code NotFoundException}; a caller who
 * may not use (or, where said, own) the app with {@code ForbiddenException}; a value that breaks a
 * rule with {@code InvalidException} (with field messages where a field is to blame); a backing
 * service that fails with {@code UnavailableException}.
 */
public interface Apps {
    /** Creates an app with the given id, or a generated one; it gets its first config and release v1. */
    App create(Caller caller, Optional<String> id);

    /** The apps the caller owns or shares (admins: all), ordered by id. */
    Page<App> list(Caller caller, PageRequest page);

    /** One app the caller may use. */
    App get(Caller caller, String id);

    /** Gives the app to another user (owner or admin only); an empty owner changes nothing. */
    void transfer(Caller caller, String id, Optional<String> newOwner);

    /** Destroys the app and all it owns (owner or admin only). */
    void destroy(Caller caller, String id);
}
