package dev.drydock.core;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import java.util.Optional;

/**
 * Who may do what with an app. Admins pass every check; the owner may do everything; a
 * collaborator may use the app (read and change it) but not destroy, transfer or share it, nor
 * remove its parts. An unknown app is 404 before any permission check.
 *
 * <p>Every check starts from the caller's user as the store holds it now ({@link #acting}): a
 * {@link Caller} names a user and carries no rights, so an admin revoke or a disabled account
 * counts from the next unit of work on, also for callers handed out before.
 */
public final class Access {
    public static final String NO_APP = "No App matches the given query.";
    public static final String INACTIVE = "User inactive or deleted.";

    // The one issuer of this core's callers; a caller made by any other one is refused.
    private static final Caller.Issuer ISSUER = new Caller.Issuer();

    /** The caller's user as stored now: name and current admin flag. */
    public record Acting(String username, boolean admin) {
        public static Acting of(User user) {
            return new Acting(user.username(), user.superuser());
        }

        public boolean is(String other) {
            return username.equals(other);
        }
    }

    private Access() {
    }

    /**
     * A caller for a stored, active user. Only the core hands callers out this way (authentication,
     * {@code Accounts.actAs}, the builder hooks); an embedder asks {@code Accounts.actAs}.
     */
    public static Caller issue(User user) {
        if (!user.active()) {
            throw DrydockException.unauthorized(INACTIVE);
        }
        return ISSUER.issue(user.username());
    }

    /**
     * The caller's user as the store holds it now. Refuses with 401 a caller this core did not hand
     * out ({@link Caller#NOT_ISSUED}) and one whose user is disabled or gone ({@link #INACTIVE}).
     */
    public static Acting acting(Store store, Caller caller) {
        return Acting.of(caller(store, caller));
    }

    /** The app, if the caller may use it (owner, collaborator or admin). */
    public static App use(Store store, Caller caller, String appId) {
        Acting acting = acting(store, caller);
        return usable(store, acting, find(store, appId));
    }

    /**
     * {@link #use} inside a write that changes the app: the app is locked until the write ends
     * ({@code AppRepository.lock}), so what the write reads of it next cannot change before it
     * commits. Take it before reading anything else of the app.
     */
    public static App useLocked(Store store, Caller caller, String appId) {
        Acting acting = acting(store, caller);
        return usable(store, acting, findLocked(store, appId));
    }

    /** The app, if the caller owns it or is an admin (destroy, transfer, share, remove parts). */
    public static App own(Store store, Caller caller, String appId) {
        Acting acting = acting(store, caller);
        return owned(acting, find(store, appId));
    }

    /** {@link #own}, with the app locked as {@link #useLocked} does. */
    public static App ownLocked(Store store, Caller caller, String appId) {
        Acting acting = acting(store, caller);
        return owned(acting, findLocked(store, appId));
    }

    public static App find(Store store, String appId) {
        return store.apps().find(appId).orElseThrow(() -> DrydockException.notFound(NO_APP));
    }

    /** {@link #find}, with the app locked as {@link #useLocked} does. */
    public static App findLocked(Store store, String appId) {
        return store.apps().lock(appId).orElseThrow(() -> DrydockException.notFound(NO_APP));
    }

    private static App usable(Store store, Acting acting, App app) {
        if (!mayUse(store, acting, app)) {
            throw DrydockException.forbidden();
        }
        return app;
    }

    private static App owned(Acting acting, App app) {
        if (!acting.admin() && !acting.is(app.owner())) {
            throw DrydockException.forbidden();
        }
        return app;
    }

    public static boolean mayUse(Store store, Acting acting, App app) {
        return acting.admin() || acting.is(app.owner()) || store.permissions().has(app.id(), acting.username());
    }

    /**
     * The caller's account, still there and active. Every check above starts here; call it also
     * inside every write that stores rows the caller will own: an account removed or disabled since
     * the caller was handed out must not come to own anything (a later user of the same name would
     * inherit it).
     */
    public static User caller(Store store, Caller caller) {
        return active(store, caller).orElseThrow(() -> DrydockException.unauthorized(INACTIVE));
    }

    /**
     * The caller's account if it is still there and active; empty if not. A caller this core did
     * not hand out is still refused ({@link Caller#NOT_ISSUED}).
     */
    public static Optional<User> active(Store store, Caller caller) {
        String username = ISSUER.recognise(caller);
        return store.users().find(username).filter(User::active);
    }

    /** Refuses callers who are not admins now. */
    public static Acting requireAdmin(Store store, Caller caller) {
        Acting acting = acting(store, caller);
        if (!acting.admin()) {
            throw DrydockException.forbidden();
        }
        return acting;
    }
}
