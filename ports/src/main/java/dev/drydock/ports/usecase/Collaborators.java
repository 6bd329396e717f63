package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import java.util.List;

/** Sharing an app with other users. */
public interface Collaborators {
    /** The users an app is shared with (the owner not included), sorted. */
    List<String> list(Caller caller, String app);

    /** Shares an app (owner or admin only). */
    void grant(Caller caller, String app, String username);

    /** Stops sharing an app with a user (owner, admin, or the user themselves). */
    void revoke(Caller caller, String app, String username);
}
