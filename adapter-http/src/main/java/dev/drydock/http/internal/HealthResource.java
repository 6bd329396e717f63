package dev.drydock.http.internal;

import dev.drydock.ports.error.DrydockException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.BooleanSupplier;

/** Liveness and readiness probes, outside /v2 and without authentication. HEAD works too. */
@Path("/")
public final class HealthResource {
    private static final String NOT_READY = "Database health check failed";

    private final BooleanSupplier ready;

    public HealthResource(BooleanSupplier ready) {
        this.ready = ready == null ? () -> true : ready;
    }

    @GET
    @Path("healthz")
    public Response healthz() {
        return ok();
    }

    @GET
    @Path("readiness")
    public Response readiness() {
        boolean up;
        try {
            up = ready.getAsBoolean();
        } catch (RuntimeException e) {
            throw DrydockException.unavailable(NOT_READY, e);
        }
        if (!up) {
            throw DrydockException.unavailable(NOT_READY);
        }
        return ok();
    }

    private static Response ok() {
        return Response.ok("OK", MediaType.TEXT_PLAIN_TYPE).build();
    }
}
