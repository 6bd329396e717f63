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
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** {@code /v2/apps}: list, create, show, transfer and destroy apps. */
@Path("v2/apps")
@Produces(MediaType.APPLICATION_JSON)
public final class AppsResource {
    private final Apps apps;
    private final Authenticator auth;
    private final SchedulerWork work;

    public AppsResource(Apps apps, Authenticator auth, SchedulerWork work) {
        this.apps = apps;
        this.auth = auth;
        this.work = work;
    }

    @GET
    public Pagination.PageJson list(@Context ContainerRequestContext request) {
        Caller caller = auth.require(request);
        PageRequest page = Pagination.request(request);
        return Pagination.envelope(request, page, apps.list(caller, page), AppJson::of);
    }

    /** The scheduler makes the app's space: waited for off the workers. */
    @POST
    public void create(@Suspended AsyncResponse async, @Context ContainerRequestContext request, JsonBody body) {
        Caller caller = auth.require(request);
        Optional<String> id = body.optionalString("id");
        work.answer(async, () -> Response.status(Response.Status.CREATED)
                .entity(AppJson.of(apps.create(caller, id))).build());
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

    /** The scheduler removes the app's space, once its deploys are done: waited for off the workers. */
    @DELETE
    @Path(Routes.APP_ID)
    public void destroy(@Suspended AsyncResponse async, @Context ContainerRequestContext request,
                        @PathParam(Routes.APP_PARAM) String id) {
        Caller caller = auth.require(request);
        work.answer(async, () -> {
            apps.destroy(caller, id);
            return Response.noContent().build();
        });
    }
}
