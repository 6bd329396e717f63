package dev.drydock.http.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v2/}: an empty object for an authenticated caller (upstream's empty router). */
@Path("v2")
@Produces(MediaType.APPLICATION_JSON)
public final class RootResource {
    private final Authenticator auth;

    public RootResource(Authenticator auth) {
        this.auth = auth;
    }

    @GET
    public Object root(@Context ContainerRequestContext request) {
        auth.require(request);
        return Json.emptyObject();
    }
}
