package dev.drydock.http.internal;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.usecase.Users;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v2/users}: every user, admins only. */
@Path("v2/users")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {
    private final Users users;
    private final Authenticator auth;

    public UsersResource(Users users, Authenticator auth) {
        this.users = users;
        this.auth = auth;
    }

    @GET
    public Pagination.PageJson list(@Context ContainerRequestContext request) {
        Caller caller = auth.require(request);
        PageRequest page = Pagination.request(request);
        return Pagination.envelope(request, page, users.list(caller, page), UserJson::of);
    }
}
