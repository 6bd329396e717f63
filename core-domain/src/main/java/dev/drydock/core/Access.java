package dev.drydock.core;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;

/**
 * Who may do what with an app. Admins pass every check; the owner may do everything; a
 * collaborator may use the app (read and change it) but not destroy, transfer or share it, nor
 * remove its parts. An unknown app is 404 before any permission check.
 */
public final class Access {
    public static final String NO_APP = "No App matches the given query.";
    public static final String INACTIVE = "User inactive or deleted.";

    private Access() {
    }

    /** The app, if the caller may use it (owner, collaborator or admin). */
    public static App use(Store store, Caller caller, String appId) {
        return usable(store, caller, find(store, appId));
    }

    /**
     * {@link #use} inside a write that changes the app: the app is locked until the write ends
     * ({@code AppRepository.lock}), so what the write reads of it next cannot change before it
     * commits. Take it before reading anything else of the app.
     */
    public static App useLocked(Store store, Caller caller, String appId) {
        return usable(store, caller, findLocked(store, appId));
    }

    /** The app, if the caller owns it or is an admin (destroy, transfer, share, remove parts). */
    public static App own(Store store, Caller caller, String appId) {
        return owned(caller, find(store, appId));
    }

    /** {@link #own}, with the app locked as {@link #useLocked} does. */
    public static App ownLocked(Store store, Caller caller, String appId) {
        return owned(caller, findLocked(store, appId));
    }

    public static App find(Store store, String appId) {
        return store.apps().find(appId).orElseThrow(() -> DrydockException.notFound(NO_APP));
    }

    /** {@link #find}, with the app locked as {@link #useLocked} does. */
    public static App findLocked(Store store, String appId) {
        return store.apps().lock(appId).orElseThrow(() -> DrydockException.notFound(NO_APP));
    }

    private static App usable(Store store, Caller caller, App app) {
        if (!mayUse(store, caller, app)) {
            throw DrydockException.forbidden();
        }
        return app;
    }

    private static App owned(Caller caller, App app) {
        if (!caller.superuser() && !caller.is(app.owner())) {
            throw DrydockException.forbidden();
        }
        return app;
    }

    public static boolean mayUse(Store store, Caller caller, App app) {
        return caller.superuser() || caller.is(app.owner()) || store.permissions().has(app.id(), caller.username());
    }

    /**
     * The caller's account, still there and active. Call it inside every write that stores rows
     * the caller will own: the token was checked in an earlier read, and an account removed or
     * disabled since then must not come to own anything (a later user of the same name would
     * inherit it).
     */
    public static User caller(Store store, Caller caller) {
        return store.users().find(caller.username())
                .filter(User::active)
                .orElseThrow(() -> DrydockException.unauthorized(INACTIVE));
    }

    /** Refuses non-admins. */
    public static void requireAdmin(Caller caller) {
        if (!caller.superuser()) {
            throw DrydockException.forbidden();
        }
    }
}
