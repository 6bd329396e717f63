package dev.drydock.http.internal;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.usecase.Keys;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /v2/keys}: the caller's own SSH keys. Key ids may contain '/' and '@'. */
@Path("v2/keys")
@Produces(MediaType.APPLICATION_JSON)
public final class KeysResource {
    private static final String ONE = "{id: .+}";

    private final Keys keys;
    private final Authenticator auth;

    public KeysResource(Keys keys, Authenticator auth) {
        this.keys = keys;
        this.auth = auth;
    }

    @GET
    public Pagination.PageJson list(@Context ContainerRequestContext request) {
        Caller caller = auth.require(request);
        PageRequest page = Pagination.request(request);
        return Pagination.envelope(request, page, keys.list(caller, page), KeyJson::of);
    }

    @POST
    public Response add(@Context ContainerRequestContext request, JsonBody body) {
        Caller caller = auth.require(request);
        KeyJson key = KeyJson.of(keys.add(caller, body.string("id"), body.string("public")));
        return Response.status(Response.Status.CREATED).entity(key).build();
    }

    @GET
    @Path(ONE)
    public KeyJson get(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return KeyJson.of(keys.get(auth.require(request), id));
    }

    @DELETE
    @Path(ONE)
    public Response delete(@Context ContainerRequestContext request, @PathParam("id") String id) {
        keys.delete(auth.require(request), id);
        return Response.noContent().build();
    }
}
