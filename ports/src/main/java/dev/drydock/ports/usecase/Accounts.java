package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.User;
import java.util.Optional;

/**
 * Registration, login, tokens, passwords and account removal.
 *
 * <p>Errors, as {@link dev.drydock.ports.error.DrydockException} subclasses with a message and a
 * kind: a caller whose account is disabled or gone, or one the core did not hand out, is refused
 * with {@code UnauthorizedException}; a caller who may not do this with {@code ForbiddenException};
 * an unknown user or object with {@code NotFoundException}; a value that breaks a rule with
 * {@code InvalidException} (with field messages where a field is to blame); a clash with what is
 * stored with {@code ConflictException}.
 */
public interface Accounts {
    /**
     * Registers a user. Who may do so depends on the registration mode; the first user becomes a
     * superuser. {@code caller} is empty for anonymous requests (a bad token counts as anonymous).
     */
    User register(Optional<Caller> caller, Registration registration);

    /** Checks a username and password and issues a new token (earlier ones stay valid). */
    String login(String username, String password);

    /**
     * The caller a token belongs to.
     *
     * @throws dev.drydock.ports.error.UnauthorizedException for an unknown or revoked token, or a
     *         disabled account
     */
    Caller authenticate(String token);

    /**
     * A caller for an existing, active user, without a password or token. This is the embedder's
     * explicit choice to act as that user (what {@code drydock.as("ada")} means); nothing over
     * HTTP reaches it. The caller has the user's rights as they are at each later use.
     *
     * @throws dev.drydock.ports.error.NotFoundException if no user has that name
     * @throws dev.drydock.ports.error.UnauthorizedException if the user's account is disabled
     */
    Caller actAs(String username);

    /** The caller's own account. */
    User whoami(Caller caller);

    /**
     * Revokes and reissues tokens: the caller's, another user's ({@code username}, admins only) or
     * everyone's ({@code all}, admins only). Returns the new token, or empty for everyone's.
     */
    Optional<String> regenerateToken(Caller caller, Optional<String> username, boolean all);

    /** Sets a password: one's own with the current one, or anyone's as an admin. */
    void changePassword(Caller caller, PasswordChange change);

    /** Removes the caller's account, or another's as an admin; refused while the user owns apps. */
    void cancel(Caller caller, Optional<String> username);
}
