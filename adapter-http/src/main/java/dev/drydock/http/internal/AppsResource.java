package dev.drydock.http.internal;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.usecase.Apps;
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

/** {@code /v2/apps}: list, create, show, transfer and destroy apps. */
@Path("v2/apps")
@Produces(MediaType.APPLICATION_JSON)
public final class AppsResource {
    private final Apps apps;
    private final Authenticator auth;

    public AppsResource(Apps apps, Authenticator auth) {
        this.apps = apps;
        this.auth = auth;
    }

    @GET
    public Pagination.PageJson list(@Context ContainerRequestContext request) {
        Caller caller = auth.require(request);
        PageRequest page = Pagination.request(request);
        return Pagination.envelope(request, page, apps.list(caller, page), AppJson::of);
    }

    @POST
    public Response create(@Context ContainerRequestContext request, JsonBody body) {
        Caller caller = auth.require(request);
        AppJson app = AppJson.of(apps.create(caller, body.optionalString("id")));
        return Response.status(Response.Status.CREATED).entity(app).build();
    }

    @GET
    @Path(Routes.APP_ID)
    public AppJson get(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String id) {
        return AppJson.of(apps.get(auth.require(request), id));
    }

    /** Transfers ownership when "owner" is sent; answers 200 with no body, as upstream does. */
    @POST
    @Path(Routes.APP_ID)
    public Response update(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String id,
                           JsonBody body) {
        Caller caller = auth.requireApp(request, id);
        apps.transfer(caller, id, body.optionalString("owner"));
        return Response.ok().build();
    }

    @DELETE
    @Path(Routes.APP_ID)
    public Response destroy(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String id) {
        apps.destroy(auth.require(request), id);
        return Response.noContent().build();
    }
}
