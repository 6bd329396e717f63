package dev.drydock.http.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.usecase.TlsSettings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /v2/apps/{id}/tls}: whether the app enforces HTTPS. {@code https_enforced} is read like
 * upstream's boolean field (true/false, "true"/"false", "yes"/"no", 1/0 ...); it must be sent,
 * since a setting can only be changed to true or false.
 */
@Path(Routes.APP + "/tls")
@Produces(MediaType.APPLICATION_JSON)
public final class TlsResource {
    static final String FIELD = "https_enforced";
    static final String REQUIRED = "This field is required.";
    static final String NOT_NULL = "This field may not be null.";

    private final TlsSettings tls;
    private final Authenticator auth;

    public TlsResource(TlsSettings tls, Authenticator auth) {
        this.tls = tls;
        this.auth = auth;
    }

    @GET
    public TlsJson get(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app) {
        return TlsJson.of(tls.get(auth.require(request), app));
    }

    @POST
    public Response set(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app,
                        JsonBody body) {
        Caller caller = auth.requireApp(request, app);
        Boolean enforced = body.bool(FIELD);
        if (enforced == null) {
            throw DrydockException.invalidField(FIELD, body.has(FIELD) ? NOT_NULL : REQUIRED);
        }
        TlsJson saved = TlsJson.of(tls.set(caller, app, enforced));
        return Response.status(Response.Status.CREATED).entity(saved).build();
    }
}
