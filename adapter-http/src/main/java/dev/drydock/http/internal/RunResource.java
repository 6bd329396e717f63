package dev.drydock.http.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.RunResult;
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

/**
 * {@code POST /v2/apps/{id}/run} with {@code {"command": "..."}}: runs a one-off command; 200 with its
 * outcome. The command must be a JSON string.
 */
@Path(Routes.APP + "/run")
@Produces(MediaType.APPLICATION_JSON)
public final class RunResource {
    private final Processes processes;
    private final Authenticator auth;
    private final SchedulerWork work;

    public RunResource(Processes processes, Authenticator auth, SchedulerWork work) {
        this.processes = processes;
        this.auth = auth;
        this.work = work;
    }

    /** The command is waited for off the workers. */
    @POST
    public void run(@Suspended AsyncResponse async, @Context ContainerRequestContext request,
                    @PathParam(Routes.APP_PARAM) String app, JsonBody body) {
        Caller caller = auth.requireApp(request, app);
        String command = body.text("command");
        work.answer(async, () -> RunJson.of(processes.run(caller, app, command)));
    }

    /** The outcome of a one-off command as the API shows it. */
    public record RunJson(@JsonProperty("exit_code") int exitCode, String output) {
        static RunJson of(RunResult result) {
            return new RunJson(result.exitCode(), result.output());
        }
    }
}
