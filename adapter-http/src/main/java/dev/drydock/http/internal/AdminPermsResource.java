package dev.drydock.http.internal;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.usecase.Users;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /v2/admin/perms}: listing, granting and revoking superuser rights; admins only. */
@Path("v2/admin/perms")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminPermsResource {
    private final Users users;
    private final Authenticator auth;

    public AdminPermsResource(Users users, Authenticator auth) {
        this.users = users;
        this.auth = auth;
    }

    @GET
    public Pagination.PageJson list(@Context ContainerRequestContext request) {
        Caller caller = auth.require(request);
        PageRequest page = Pagination.request(request);
        return Pagination.envelope(request, page, users.admins(caller, page), AdminJson::of);
    }

    @POST
    public Response grant(@Context ContainerRequestContext request, JsonBody body) {
        Caller caller = auth.require(request);
        users.grantAdmin(caller, body.string("username"));
        return Response.status(Response.Status.CREATED).build();
    }

    @DELETE
    @Path("{username: " + Routes.SEGMENT + "}")
    public Response revoke(@Context ContainerRequestContext request, @PathParam("username") String username) {
        Caller caller = auth.require(request);
        users.revokeAdmin(caller, username);
        return Response.noContent().build();
    }
}
