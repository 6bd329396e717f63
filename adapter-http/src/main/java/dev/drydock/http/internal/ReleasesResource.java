package dev.drydock.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.ValueText;
import dev.drydock.ports.usecase.Releases;
import jakarta.ws.rs.GET;
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
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code /v2/apps/{id}/releases}: an app's releases, one by version ({@code v3}), and rollback. */
@Path(Routes.APP + "/releases")
@Produces(MediaType.APPLICATION_JSON)
public final class ReleasesResource {
    private static final BigInteger MAX_VERSION = BigInteger.valueOf(Integer.MAX_VALUE);

    private final Releases releases;
    private final Authenticator auth;
    private final SchedulerWork work;

    public ReleasesResource(Releases releases, Authenticator auth, SchedulerWork work) {
        this.releases = releases;
        this.auth = auth;
        this.work = work;
    }

    @GET
    public Pagination.PageJson list(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app) {
        Caller caller = auth.require(request);
        PageRequest page = Pagination.request(request);
        return Pagination.envelope(request, page, releases.list(caller, app, page), ReleaseJson::of);
    }

    /** Only "v" and digits match; "/releases/2" is no route. */
    @GET
    @Path("v{version: [0-9]+}")
    public ReleaseJson get(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app,
                           @PathParam("version") String version) {
        Caller caller = auth.require(request);
        // A number past any int names no release; the core says so.
        int number = new BigInteger(version).min(MAX_VERSION).intValue();
        return ReleaseJson.of(releases.get(caller, app, number));
    }

    /**
     * Body optional: {"version": N} with N a number or numeric text; 201 {"version": new version}.
     * The deploy is waited for off the workers.
     */
    @POST
    @Path("rollback")
    public void rollback(@Suspended AsyncResponse async, @Context ContainerRequestContext request,
                         @PathParam(Routes.APP_PARAM) String app, JsonBody body) {
        Caller caller = auth.requireApp(request, app);
        OptionalInt version = version(body.node("version"));
        work.answer(async, () -> Response.status(Response.Status.CREATED)
                .entity(Map.of("version", releases.rollback(caller, app, version))).build());
    }

    /**
     * The version as Python's int() reads it: text ("" is refused), a float truncated, a boolean as
     * 0 or 1. Absent or null is the default target.
     */
    private static OptionalInt version(Optional<JsonNode> sent) {
        if (sent.isEmpty() || sent.get().isNull()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(number(text(sent.get())));
    }

    private static int number(String text) {
        ValueText.IntResult parsed = ValueText.toInt(text);
        BigInteger value = parsed.value().orElseThrow(() -> DrydockException.invalid(parsed.error()));
        if (value.bitLength() >= 32) {
            // Far outside any version: below 1 reads as such, above as a release that does not exist.
            return value.signum() < 0 ? -1 : Integer.MAX_VALUE;
        }
        return value.intValue();
    }

    private static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            // through double, not BigDecimal: 1e999999999 must not become a billion-digit integer
            double d = value.doubleValue();
            return Double.isFinite(d) ? new java.math.BigDecimal(d).toBigInteger().toString() : value.asText();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "1" : "0";
        }
        // the app and the caller were checked first, as upstream does before int() refuses this
        throw DrydockException.invalid("int() argument must be a string, a bytes-like object or a number, not '"
                + (value.isArray() ? "list" : "dict") + "'");
    }
}
