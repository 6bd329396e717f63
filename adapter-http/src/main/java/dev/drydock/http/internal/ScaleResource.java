package dev.drydock.http.internal;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.usecase.Processes;
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

/** {@code POST /v2/apps/{id}/scale} with {@code {"web": 3, ...}}: counts as numbers or numeric text; 204. */
@Path(Routes.APP + "/scale")
@Produces(MediaType.APPLICATION_JSON)
public final class ScaleResource {
    private final Processes processes;
    private final Authenticator auth;
    private final SchedulerWork work;

    public ScaleResource(Processes processes, Authenticator auth, SchedulerWork work) {
        this.processes = processes;
        this.auth = auth;
        this.work = work;
    }

    /** The scheduler is waited for off the workers. */
    @POST
    public void scale(@Suspended AsyncResponse async, @Context ContainerRequestContext request,
                      @PathParam(Routes.APP_PARAM) String app, JsonBody body) {
        Caller caller = auth.requireApp(request, app);
        Map<String, Integer> counts = ScaleCounts.read(body.toMap());
        work.answer(async, () -> {
            processes.scale(caller, app, counts);
            return Response.noContent().build();
        });
    }
}
