package dev.drydock.http.internal;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.usecase.Certificates;
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

/**
 * {@code /v2/certs}: the caller's TLS certificates, and attaching them to domains, with the domain
 * in the body ({@code POST /v2/certs/{name}/domain/}) or in the path
 * ({@code /v2/certs/{name}/domain/{domain}}). A trailing slash is optional everywhere.
 */
@Path("v2/certs")
@Produces(MediaType.APPLICATION_JSON)
public final class CertificatesResource {
    private static final String NAME = "{name: [-_*.\\w]+}";
    private static final String DOMAIN = NAME + "/domain/{domain: " + Routes.SEGMENT + "}";

    private final Certificates certificates;
    private final Authenticator auth;

    public CertificatesResource(Certificates certificates, Authenticator auth) {
        this.certificates = certificates;
        this.auth = auth;
    }

    @GET
    public Pagination.PageJson list(@Context ContainerRequestContext request) {
        Caller caller = auth.require(request);
        PageRequest page = Pagination.request(request);
        return Pagination.envelope(request, page, certificates.list(caller, page), CertificateJson::of);
    }

    @POST
    public Response create(@Context ContainerRequestContext request, JsonBody body) {
        Caller caller = auth.require(request);
        CertificateJson certificate = CertificateJson.of(certificates.create(caller, body.string("name"),
                body.string("certificate"), body.string("key")));
        return Response.status(Response.Status.CREATED).entity(certificate).build();
    }

    @GET
    @Path(NAME)
    public CertificateJson get(@Context ContainerRequestContext request, @PathParam("name") String name) {
        return CertificateJson.of(certificates.get(auth.require(request), name));
    }

    @DELETE
    @Path(NAME)
    public Response delete(@Context ContainerRequestContext request, @PathParam("name") String name) {
        certificates.delete(auth.require(request), name);
        return Response.noContent().build();
    }

    /** The domain comes from the body; 201 with no body. */
    @POST
    @Path(NAME + "/domain")
    public Response attach(@Context ContainerRequestContext request, @PathParam("name") String name, JsonBody body) {
        Caller caller = auth.require(request);
        certificates.attach(caller, name, body.string("domain"));
        return Response.status(Response.Status.CREATED).build();
    }

    /** A domain in the body wins over the one in the path, as upstream has it; 201 with no body. */
    @POST
    @Path(DOMAIN)
    public Response attachNamed(@Context ContainerRequestContext request, @PathParam("name") String name,
                                @PathParam("domain") String domain, JsonBody body) {
        Caller caller = auth.require(request);
        String sent = body.string("domain");
        certificates.attach(caller, name, sent == null || sent.isEmpty() ? domain : sent);
        return Response.status(Response.Status.CREATED).build();
    }

    @DELETE
    @Path(DOMAIN)
    public Response detach(@Context ContainerRequestContext request, @PathParam("name") String name,
                           @PathParam("domain") String domain) {
        certificates.detach(auth.require(request), name, domain);
        return Response.noContent().build();
    }
}
