package dev.drydock.core.auth;

import dev.drydock.core.Access;
import dev.drydock.core.Settings;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.Users;
import java.util.Objects;

/** The user list and admin rights. Every operation is for superusers only. */
public final class UserService implements Users {
    private final Transactions tx;
    private final Settings.Limits limits;

    /** {@code limits} say how many users a page holds at most. */
    public UserService(Transactions tx, Settings.Limits limits) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public Page<User> list(Caller caller, PageRequest page) {
        return tx.read(store -> {
            Access.requireAdmin(store, caller);
            return store.users().list(limits.page(page));
        });
    }

    @Override
    public Page<User> admins(Caller caller, PageRequest page) {
        return tx.read(store -> {
            Access.requireAdmin(store, caller);
            return store.users().superusers(limits.page(page));
        });
    }

    @Override
    public void grantAdmin(Caller caller, String username) {
        setSuperuser(caller, username, true);
    }

    @Override
    public void revokeAdmin(Caller caller, String username) {
        setSuperuser(caller, username, false);
    }

    private void setSuperuser(Caller caller, String username, boolean admin) {
        tx.read(store -> Access.requireAdmin(store, caller));
        if (username == null || username.isBlank()) {
            throw DrydockException.invalidField("username", FieldErrors.REQUIRED);
        }
        String name = username.strip();
        tx.writeVoid(store -> {
            // again inside the write: an admin revoked meanwhile may no longer grant or revoke
            Access.requireAdmin(store, caller);
            store.users().update(AccountService.lockUser(store, name).withSuperuser(admin));
        });
    }
}
