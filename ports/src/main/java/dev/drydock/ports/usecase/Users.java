package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;

/** The user list and admin rights; admins only. */
public interface Users {
    /** Every user, in the order they joined. */
    Page<User> list(Caller caller, PageRequest page);

    /** The superusers, in the order they joined. */
    Page<User> admins(Caller caller, PageRequest page);

    /** Makes a user a superuser. */
    void grantAdmin(Caller caller, String username);

    /** Takes superuser rights from a user. */
    void revokeAdmin(Caller caller, String username);
}
