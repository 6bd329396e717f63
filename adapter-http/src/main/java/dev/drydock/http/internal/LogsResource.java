package dev.drydock.http.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.usecase.Processes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * {@code GET /v2/apps/{id}/logs?log_lines=N}: the app's last lines as plain text (200), or 204 when
 * there are none. JSON is acceptable to ask for, as upstream's clients do; errors stay JSON.
 */
@Path(Routes.APP + "/logs")
@Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
public final class LogsResource {
    static final int DEFAULT_LINES = 100;
    static final String NOT_A_NUMBER = "log_lines must be a whole number";
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final MediaType TEXT = MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8");

    private final Processes processes;
    private final Authenticator auth;

    public LogsResource(Processes processes, Authenticator auth) {
        this.processes = processes;
        this.auth = auth;
    }

    @GET
    public Response logs(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app,
                         @QueryParam("log_lines") String logLines) {
        Caller caller = auth.require(request);
        String text = processes.logs(caller, app, lines(logLines));
        if (text.isEmpty()) {
            return Response.noContent().build();
        }
        return Response.ok(text, TEXT).build();
    }

    private static int lines(String sent) {
        if (sent == null || sent.isBlank()) {
            return DEFAULT_LINES;
        }
        String text = sent.strip();
        if (!INTEGER.matcher(text).matches()) {
            throw DrydockException.invalid(NOT_A_NUMBER);
        }
        BigInteger value = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        // Asking for more lines than an int holds is asking for them all.
        return value.min(BigInteger.valueOf(Integer.MAX_VALUE)).max(BigInteger.valueOf(Integer.MIN_VALUE)).intValue();
    }
}
