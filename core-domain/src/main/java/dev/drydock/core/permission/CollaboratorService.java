package dev.drydock.core.permission;

import dev.drydock.core.Access;
import dev.drydock.core.auth.AccountService;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.Collaborators;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Sharing apps. The owner and admins share and unshare; a collaborator may only drop themselves.
 * The owner needs no grant, so sharing an app with its owner stores none.
 */
public final class CollaboratorService implements Collaborators {
    private final Transactions tx;
    private final AppLog log;
    private final Clock clock;

    public CollaboratorService(Transactions tx, AppLog log, Clock clock) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<String> list(Caller caller, String app) {
        return tx.read(store -> {
            Access.use(store, caller, app);
            return store.permissions().users(app);
        });
    }

    @Override
    public void grant(Caller caller, String app, String username) {
        boolean granted = tx.write(store -> {
            App shared = Access.ownLocked(store, caller, app);
            if (username == null || username.isBlank()) {
                throw DrydockException.invalidField("username", "This field is required.");
            }
            String user = username.strip();
            requireUser(store, user);
            if (user.equals(shared.owner())) {
                return false;
            }
            store.permissions().grant(app, user);
            return true;
        });
        if (granted) {
            log.record(app, clock.instant(), "User " + username.strip() + " was granted access to " + app);
        }
    }

    @Override
    public void revoke(Caller caller, String app, String username) {
        tx.writeVoid(store -> {
            Access.Acting acting = Access.acting(store, caller);
            App shared = Access.findLocked(store, app);
            requireUser(store, username);
            if (!store.permissions().has(app, username)) {
                throw DrydockException.forbidden();
            }
            boolean mayRevoke = acting.admin() || acting.is(shared.owner()) || acting.is(username);
            if (!mayRevoke) {
                throw DrydockException.forbidden();
            }
            store.permissions().revoke(app, username);
        });
        log.record(app, clock.instant(), "User " + username + " was revoked access to " + app);
    }

    private static void requireUser(Store store, String username) {
        store.users().find(username).orElseThrow(() -> DrydockException.notFound(AccountService.NO_USER));
    }
}
