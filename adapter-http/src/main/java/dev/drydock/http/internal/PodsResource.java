package dev.drydock.http.internal;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.usecase.Processes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
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

    public PodsResource(Processes processes, Authenticator auth) {
        this.processes = processes;
        this.auth = auth;
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
    public List<PodJson> restartAll(@Context ContainerRequestContext request,
                                    @PathParam(Routes.APP_PARAM) String app) {
        return restart(request, app, null, null);
    }

    @POST
    @Path(TYPE + "/restart")
    public List<PodJson> restartType(@Context ContainerRequestContext request,
                                     @PathParam(Routes.APP_PARAM) String app, @PathParam("type") String type) {
        return restart(request, app, type, null);
    }

    @POST
    @Path(TYPE_AND_NAME + "/restart")
    public List<PodJson> restartNamed(@Context ContainerRequestContext request,
                                      @PathParam(Routes.APP_PARAM) String app, @PathParam("type") String type,
                                      @PathParam("name") String name) {
        return restart(request, app, type, name);
    }

    private PodJson.ListJson list(ContainerRequestContext request, String app, String type, String name) {
        Caller caller = auth.require(request);
        return PodJson.ListJson.of(processes.pods(caller, app, Optional.ofNullable(type), Optional.ofNullable(name)));
    }

    private List<PodJson> restart(ContainerRequestContext request, String app, String type, String name) {
        Caller caller = auth.require(request);
        List<Pod> pods = processes.restart(caller, app, Optional.ofNullable(type), Optional.ofNullable(name));
        return pods.stream().map(PodJson::of).toList();
    }
}
