package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import java.util.List;

/**
 * Sharing an app with other users.
 *
 * <p>Errors, as {@link dev.drydock.ports.error.DrydockException} subclasses with a message and a
 * kind: a caller whose account is disabled or gone, or one the core did not hand out, is refused
 * with {@code UnauthorizedException}; an unknown app with {@code NotFoundException}; a caller who
 * may not use (or, where said, own) the app with {@code ForbiddenException}; a value that breaks a
 * rule with {@code InvalidException} (with field messages where a field is to blame); a backing
 * service that fails with {@code UnavailableException}.
 */
public interface Collaborators {
    /** The users an app is shared with (the owner not included), sorted. */
    List<String> list(Caller caller, String app);

    /** Shares an app (owner or admin only). */
    void grant(Caller caller, String app, String username);

    /** Stops sharing an app with a user (owner, admin, or the user themselves). */
    void revoke(Caller caller, String app, String username);
}
