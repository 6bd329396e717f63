package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;

/**
 * A user's SSH keys; each user sees only their own.
 *
 * <p>Errors, as {@link dev.drydock.ports.error.DrydockException} subclasses with a message and a
 * kind: a caller whose account is disabled or gone, or one the core did not hand out, is refused
 * with {@code UnauthorizedException}; a caller who may not do this with {@code ForbiddenException};
 * an unknown user or object with {@code NotFoundException}; a value that breaks a rule with
 * {@code InvalidException} (with field messages where a field is to blame); a clash with what is
 * stored with {@code ConflictException}.
 */
public interface Keys {
    /** Adds a key; null means the field was not sent. */
    Key add(Caller caller, String id, String publicKey);

    /** The caller's keys, ordered by key text. */
    Page<Key> list(Caller caller, PageRequest page);

    /** One of the caller's keys. */
    Key get(Caller caller, String id);

    /** Removes one of the caller's keys. */
    void delete(Caller caller, String id);
}
