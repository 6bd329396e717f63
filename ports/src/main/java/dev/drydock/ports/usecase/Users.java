package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;

/**
 * The user list and admin rights; admins only.
 *
 * <p>Errors, as {@link dev.drydock.ports.error.DrydockException} subclasses with a message and a
 * kind: a caller whose account is disabled or gone, or one the core did not hand out, is refused
 * with {@code UnauthorizedException}; a caller who may not do this with {@code ForbiddenException};
 * an unknown user or object with {@code NotFoundException}; a value that breaks a rule with
 * {@code InvalidException} (with field messages where a field is to blame); a clash with what is
 * stored with {@code ConflictException}.
 */
public interface Users {
    /** Every user, in the order they joined. */
    Page<User> list(Caller caller, PageRequest page);

    /** The superusers, in the order they joined. */
    Page<User> admins(Caller caller, PageRequest page);

    /** Makes a user a superuser. */
    void grantAdmin(Caller caller, String username);

    /** Takes superuser rights from a user. */
    void revokeAdmin(Caller caller, String username);
}
