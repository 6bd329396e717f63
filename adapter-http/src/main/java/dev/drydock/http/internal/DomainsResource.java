package dev.drydock.http.internal;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.usecase.Domains;
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

/** {@code /v2/apps/{id}/domains}: the hostnames routed to an app. A domain in a path may be Unicode or a wildcard. */
@Path(Routes.APP + "/domains")
@Produces(MediaType.APPLICATION_JSON)
public final class DomainsResource {
    private final Domains domains;
    private final Authenticator auth;

    public DomainsResource(Domains domains, Authenticator auth) {
        this.domains = domains;
        this.auth = auth;
    }

    @GET
    public Pagination.PageJson list(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app) {
        Caller caller = auth.require(request);
        PageRequest page = Pagination.request(request);
        return Pagination.envelope(request, page, domains.list(caller, app, page), DomainJson::of);
    }

    @POST
    public Response add(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app,
                        JsonBody body) {
        Caller caller = auth.requireApp(request, app);
        DomainJson domain = DomainJson.of(domains.add(caller, app, body.string("domain")));
        return Response.status(Response.Status.CREATED).entity(domain).build();
    }

    @DELETE
    @Path("{domain: " + Routes.SEGMENT + "}")
    public Response remove(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app,
                           @PathParam("domain") String domain) {
        domains.remove(auth.require(request), app, domain);
        return Response.noContent().build();
    }
}
