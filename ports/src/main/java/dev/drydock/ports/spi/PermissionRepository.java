package dev.drydock.ports.spi;

import java.util.List;

/** Collaborator grants: who, besides the owner, may use an app. */
public interface PermissionRepository {
    /** Grants a user use of an app; granting twice keeps one grant. */
    void grant(String app, String username);

    /** Revokes a grant; returns whether there was one. */
    boolean revoke(String app, String username);

    /** Whether a user holds a grant on an app. */
    boolean has(String app, String username);

    /** The users holding a grant on an app, sorted by username. */
    List<String> users(String app);
}
