package dev.drydock.ports.spi;

import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import java.util.Optional;

/** Platform accounts, by unique username. */
public interface UserRepository {
    /** The user with this exact username. */
    Optional<User> find(String username);

    /**
     * The user with this exact username, locked until the write ends (see
     * {@link AppRepository#lock}): a write that reads a user to change them takes this first.
     * Only inside {@link Transactions#write}.
     */
    Optional<User> lock(String username);

    /**
     * Takes the lock every sign-up takes before it decides whether the new user is the first
     * (who becomes superuser), so two sign-ups on an empty platform cannot both be first. Only
     * inside {@link Transactions#write}.
     */
    void lockSignUps();

    /** Stores a new user; a taken username throws {@code ConflictException}. */
    void insert(User user);

    /** Replaces a stored user (same username); a missing one throws {@code NotFoundException}. */
    void update(User user);

    /**
     * Removes a user with their keys, tokens and collaborator grants. Apps, certificates and other
     * owned records are not touched; callers check those first.
     */
    void delete(String username);

    /** All users in the order they joined. */
    Page<User> list(PageRequest page);

    /** Active superusers in the order they joined. */
    Page<User> superusers(PageRequest page);

    /** Whether any superuser exists (the first registered user becomes one). */
    boolean anySuperuser();

    /**
     * Whether the user made any config, build, release, domain or TLS row (on any app, their own
     * or someone else's). Such rows keep their maker as owner, so the user cannot be deleted while
     * one exists. Keys, tokens, grants and certificates do not count.
     */
    boolean ownsRecords(String username);
}
