package dev.drydock.ports.spi;

import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import java.util.Optional;

/** Applications, by unique id. */
public interface AppRepository {
    /** The app with this id. */
    Optional<App> find(String id);

    /**
     * The app with this id, locked until the write ends: another write that locks it waits until
     * this one commits or rolls back, on any server sharing the store. A write that reads an app's
     * state to change it (its releases, config, structure, domains, grants) takes this first, so
     * what it read cannot change before it writes. Only inside {@link Transactions#write}.
     */
    Optional<App> lock(String id);

    /** Stores a new app; a taken id throws {@code ConflictException}. */
    void insert(App app);

    /** Replaces a stored app (same id): owner, structure, procfile structure, updated. */
    void update(App app);

    /**
     * Removes an app and everything it owns: configs, builds, releases, domains, TLS settings and
     * collaborator grants. Certificates stay, detached from the removed domains.
     */
    void delete(String id);

    /** All apps, ordered by id. */
    Page<App> list(PageRequest page);

    /** The apps a user owns or collaborates on, ordered by id. */
    Page<App> visibleTo(String username, PageRequest page);

    /** How many apps a user owns. */
    long countOwnedBy(String username);

    /**
     * Gives an app a new owner; its configs, builds, releases, domains and TLS rows that the old
     * owner made are re-owned too. Rows made by others keep their owner.
     */
    void transfer(String id, String from, String to, java.time.Instant now);
}
