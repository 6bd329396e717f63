package dev.drydock.ports.spi;

import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import java.util.List;
import java.util.Optional;

/** Platform accounts, by unique username. */
public interface UserRepository {
    /** The user with this exact username. */
    Optional<User> find(String username);

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

    /** Every username, for platform-wide operations such as regenerating all tokens. */
    List<String> usernames();
}
