package dev.drydock.http.internal;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.usecase.Collaborators;
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
import java.util.Map;

/** {@code /v2/apps/{id}/perms}: the users an app is shared with. */
@Path(Routes.APP + "/perms")
@Produces(MediaType.APPLICATION_JSON)
public final class AppPermsResource {
    private final Collaborators collaborators;
    private final Authenticator auth;

    public AppPermsResource(Collaborators collaborators, Authenticator auth) {
        this.collaborators = collaborators;
        this.auth = auth;
    }

    @GET
    public Map<String, Object> list(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app) {
        return Map.of("users", collaborators.list(auth.require(request), app));
    }

    @POST
    public Response grant(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app,
                          JsonBody body) {
        Caller caller = auth.requireApp(request, app);
        collaborators.grant(caller, app, body.string("username"));
        return Response.status(Response.Status.CREATED).build();
    }

    @DELETE
    @Path("{username: " + Routes.SEGMENT + "}")
    public Response revoke(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app,
                           @PathParam("username") String username) {
        collaborators.revoke(auth.require(request), app, username);
        return Response.noContent().build();
    }
}
