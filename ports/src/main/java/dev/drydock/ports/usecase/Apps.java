package dev.drydock.ports.usecase;

import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import java.util.Optional;

/** Creating, listing, transferring and destroying apps. */
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
