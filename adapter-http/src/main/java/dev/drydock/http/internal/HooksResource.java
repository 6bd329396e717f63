package dev.drydock.http.internal;

import dev.drydock.ports.usecase.BuilderHooks;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v2/hooks}: what the builder asks while a user pushes. The builder proves itself with the
 * shared key in {@code X-Drycc-Builder-Auth} (or Deis' {@code X-Deis-Builder-Auth}); the core checks
 * it. User tokens play no part here.
 */
@Path("v2/hooks")
@Produces(MediaType.APPLICATION_JSON)
public final class HooksResource {
    static final String BUILDER_AUTH = "X-Drycc-Builder-Auth";
    static final String DEIS_BUILDER_AUTH = "X-Deis-Builder-Auth";
    private static final String USERNAME = "{username: [\\w.@+-]+}";

    private final BuilderHooks hooks;
    private final SchedulerWork work;

    public HooksResource(BuilderHooks hooks, SchedulerWork work) {
        this.hooks = hooks;
        this.work = work;
    }

    /** {@code {"username": owner, "apps": [ids the owner may push to]}}. */
    @GET
    @Path("key/{fingerprint: .+}")
    public KeyOwnerJson keyOwner(@Context ContainerRequestContext request,
                                 @PathParam("fingerprint") String fingerprint) {
        BuilderHooks.KeyOwner owner = hooks.keyOwner(builderKey(request), fingerprint);
        return new KeyOwnerJson(owner.username(), owner.apps());
    }

    /** {@code {"<username>": [{"key", "fingerprint"}, ...], ...}} for everyone who may push to the app. */
    @GET
    @Path("keys/" + Routes.APP_ID)
    public Map<String, List<HookKeyJson>> appKeys(@Context ContainerRequestContext request,
                                              @PathParam(Routes.APP_PARAM) String app) {
        Map<String, List<HookKeyJson>> byUser = new LinkedHashMap<>();
        hooks.appKeys(builderKey(request), app).forEach(user -> byUser.put(user.username(), HookKeyJson.of(user)));
        return byUser;
    }

    /** {@code {"<username>": [{"key", "fingerprint"}, ...]}}. */
    @GET
    @Path("keys/" + Routes.APP_ID + "/" + USERNAME)
    public Map<String, List<HookKeyJson>> userKeys(@Context ContainerRequestContext request,
                                               @PathParam(Routes.APP_PARAM) String app,
                                               @PathParam("username") String username) {
        BuilderHooks.UserKeys keys = hooks.userKeys(builderKey(request), app, username);
        return Map.of(keys.username(), HookKeyJson.of(keys));
    }

    /**
     * A pushed build, released and deployed: 200 {@code {"release": {"version": N}}}. The deploy is
     * waited for off the workers.
     */
    @POST
    @Path("build")
    public void build(@Suspended AsyncResponse async, @Context ContainerRequestContext request, JsonBody body) {
        String key = builderKey(request);
        BuilderHooks.BuildPush push = new BuilderHooks.BuildPush(body.string("receive_user"),
                body.string("receive_repo"), body.string("image"), body.string("sha"), body.object("procfile"),
                body.string("dockerfile"));
        work.answer(async, () -> Map.of("release", Map.of("version", hooks.build(key, push))));
    }

    /** The config to build with: 200 with the config of the app's latest good release. */
    @POST
    @Path("config")
    public ConfigJson config(@Context ContainerRequestContext request, JsonBody body) {
        String key = builderKey(request);
        return ConfigJson.of(hooks.config(key, body.string("receive_user"), body.string("receive_repo")));
    }

    private static String builderKey(ContainerRequestContext request) {
        String key = request.getHeaderString(BUILDER_AUTH);
        return key != null ? key : request.getHeaderString(DEIS_BUILDER_AUTH);
    }

    /** The owner of an SSH key and the apps they may push to. */
    public record KeyOwnerJson(String username, List<String> apps) {
    }

    /** One SSH key as the builder sees it. */
    public record HookKeyJson(String key, String fingerprint) {
        static List<HookKeyJson> of(BuilderHooks.UserKeys user) {
            return user.keys().stream().map(k -> new HookKeyJson(k.key(), k.fingerprint())).toList();
        }
    }
}
