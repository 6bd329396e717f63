package dev.drydock.http.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.usecase.ConfigChange;
import dev.drydock.ports.usecase.Configs;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v2/apps/{id}/config}: the app's config, and changes to it (each one a new release). Each
 * field of a change is a JSON object or a string holding one; JSON null, like leaving the field
 * out, leaves it alone, and a null inside unsets that key. Unknown fields are ignored.
 */
@Path(Routes.APP + "/config")
@Produces(MediaType.APPLICATION_JSON)
public final class ConfigResource {
    private static final String VALUES = "values";
    private static final String MEMORY = "memory";
    private static final String CPU = "cpu";
    private static final String TAGS = "tags";
    private static final String REGISTRY = "registry";
    private static final String HEALTHCHECK = "healthcheck";
    private static final String POST_START = "lifecycle_post_start";
    private static final String PRE_STOP = "lifecycle_pre_stop";
    private static final String GRACE_PERIOD = "termination_grace_period";
    private static final List<String> FIELDS =
            List.of(VALUES, MEMORY, CPU, TAGS, REGISTRY, HEALTHCHECK, POST_START, PRE_STOP, GRACE_PERIOD);

    private final Configs configs;
    private final Authenticator auth;
    private final SchedulerWork work;

    public ConfigResource(Configs configs, Authenticator auth, SchedulerWork work) {
        this.configs = configs;
        this.auth = auth;
        this.work = work;
    }

    @GET
    public ConfigJson get(@Context ContainerRequestContext request, @PathParam(Routes.APP_PARAM) String app) {
        return ConfigJson.of(configs.get(auth.require(request), app));
    }

    /** The new release's deploy is waited for off the workers. */
    @POST
    public void set(@Suspended AsyncResponse async, @Context ContainerRequestContext request,
                    @PathParam(Routes.APP_PARAM) String app, JsonBody body) {
        Caller caller = auth.requireApp(request, app);
        ConfigChange change = change(body);
        work.answer(async, () -> Response.status(Response.Status.CREATED)
                .entity(ConfigJson.of(configs.set(caller, app, change))).build());
    }

    /** The change as sent; every field that is not an object (nor a string holding one) is reported at once. */
    private static ConfigChange change(JsonBody body) {
        body.fields(); // a body that is not JSON is one error, not one per field
        Map<String, Map<String, Object>> maps = new HashMap<>();
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (String field : FIELDS) {
            try {
                maps.put(field, body.object(field));
            } catch (InvalidException e) {
                if (e.fieldErrors().isEmpty()) {
                    throw e;
                }
                problems.putAll(e.fieldErrors());
            }
        }
        if (!problems.isEmpty()) {
            throw DrydockException.invalidFields(problems);
        }
        return new ConfigChange(maps.get(VALUES), maps.get(MEMORY), maps.get(CPU), maps.get(TAGS),
                maps.get(REGISTRY), maps.get(HEALTHCHECK), maps.get(POST_START), maps.get(PRE_STOP),
                maps.get(GRACE_PERIOD));
    }
}
