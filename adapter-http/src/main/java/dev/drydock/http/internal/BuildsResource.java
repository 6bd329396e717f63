package dev.drydock.http.internal;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.usecase.BuildRequest;
import dev.drydock.ports.usecase.Builds;
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
import java.util.Map;

/** {@code /v2/apps/{id}/builds}: an app's builds; a new one is released and deployed. */
@Path(Routes.APP + "/builds")
@Produces(MediaType.APPLICATION_JSON)
public final class BuildsResource {
    private final Builds builds;
    private final Authenticator auth;
    private final SchedulerWork work;

    public BuildsResource(Builds builds, Authenticator auth, SchedulerWork work) {
        this.builds = builds;
        this.auth = auth;
        this.work = work;
    }

    @GET
    public Pagination.PageJson list(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app) {
        Caller caller = auth.require(request);
        PageRequest page = Pagination.request(request);
        return Pagination.envelope(request, page, builds.list(caller, app, page), BuildJson::of);
    }

    /** The procfile is a JSON object or a string holding one. The deploy is waited for off the workers. */
    @POST
    public void create(@Suspended AsyncResponse async, @Context ContainerRequestContext request,
                       @PathParam(Routes.APP_PARAM) String app, JsonBody body) {
        Caller caller = auth.requireApp(request, app);
        String image = body.string("image");
        String sha = body.string("sha");
        Map<String, Object> procfile = body.object("procfile");
        String dockerfile = body.string("dockerfile");
        work.answer(async, () -> Response.status(Response.Status.CREATED)
                .entity(BuildJson.of(builds.create(caller, app, new BuildRequest(image, sha, procfile, dockerfile))))
                .build());
    }

    @GET
    @Path("{uuid: [-_\\w]+}")
    public BuildJson get(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app,
                         @PathParam("uuid") String uuid) {
        return BuildJson.of(builds.get(auth.require(request), app, uuid));
    }
}
