package dev.drydock.http.internal;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.usecase.Processes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * {@code /v2/apps/{id}/pods}: the pods of the app's current release, all, of one type or one by
 * name ({@code {"count", "results"}}, not paginated), and restarting them (a bare array of the new
 * pods). Path patterns are upstream's: a type may hold dots only when no name follows.
 */
@Path(Routes.APP + "/pods")
@Produces(MediaType.APPLICATION_JSON)
public final class PodsResource {
    private static final String TYPE = "{type: [-_\\w.]+}";
    private static final String TYPE_AND_NAME = "{type: [-_\\w]+}/{name: [-_\\w]+}";

    private final Processes processes;
    private final Authenticator auth;
    private final SchedulerWork work;

    public PodsResource(Processes processes, Authenticator auth, SchedulerWork work) {
        this.processes = processes;
        this.auth = auth;
        this.work = work;
    }

    @GET
    public PodJson.ListJson all(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app) {
        return list(request, app, null, null);
    }

    @GET
    @Path(TYPE)
    public PodJson.ListJson ofType(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app,
                                   @PathParam("type") String type) {
        return list(request, app, type, null);
    }

    @GET
    @Path(TYPE_AND_NAME)
    public PodJson.ListJson named(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app,
                                  @PathParam("type") String type, @PathParam("name") String name) {
        return list(request, app, type, name);
    }

    @POST
    @Path("restart")
    public void restartAll(@Suspended AsyncResponse async, @Context ContainerRequestContext request,
                           @PathParam(Routes.APP_PARAM) String app) {
        restart(async, request, app, null, null);
    }

    @POST
    @Path(TYPE + "/restart")
    public void restartType(@Suspended AsyncResponse async, @Context ContainerRequestContext request,
                            @PathParam(Routes.APP_PARAM) String app, @PathParam("type") String type) {
        restart(async, request, app, type, null);
    }

    @POST
    @Path(TYPE_AND_NAME + "/restart")
    public void restartNamed(@Suspended AsyncResponse async, @Context ContainerRequestContext request,
                             @PathParam(Routes.APP_PARAM) String app, @PathParam("type") String type,
                             @PathParam("name") String name) {
        restart(async, request, app, type, name);
    }

    private PodJson.ListJson list(ContainerRequestContext request, String app, String type, String name) {
        Caller caller = auth.require(request);
        return PodJson.ListJson.of(processes.pods(caller, app, Optional.ofNullable(type), Optional.ofNullable(name)));
    }

    /** The replacements are waited for off the workers. */
    private void restart(AsyncResponse async, ContainerRequestContext request, String app, String type,
                         String name) {
        Caller caller = auth.require(request);
        work.answer(async, () -> {
            List<Pod> pods = processes.restart(caller, app, Optional.ofNullable(type), Optional.ofNullable(name));
            return new GenericEntity<List<PodJson>>(pods.stream().map(PodJson::of).toList()) {
            };
        });
    }
}
