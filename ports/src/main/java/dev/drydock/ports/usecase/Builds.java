package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import java.util.Map;

/**
 * Builds: each new one is released and deployed. Every method refuses a caller whose account is
 * disabled or gone with {@code UnauthorizedException}, an unknown app with
 * {@code NotFoundException} and a caller who may not use the app with {@code ForbiddenException}.
 */
public interface Builds {
    /**
     * Creates a build, releases it with the latest good config and deploys it. For example
     * {@code create(ada, "web-shop", BuildRequest.image("example/shop:1").procfile(Map.of("web", "shop serve")))}.
     *
     * @throws dev.drydock.ports.error.InvalidException (with field messages) if the image is
     *         missing or blank, the sha is longer than 40 characters or a Procfile entry is not a
     *         valid type with a command; also if the deploy fails (the release is kept as failed)
     */
    Build create(Caller caller, String app, BuildRequest request);

    /**
     * The fields as sent; null means not sent.
     *
     * @deprecated use {@link #create(Caller, String, BuildRequest)}
     */
    @Deprecated
    default Build create(Caller caller, String app, String image, String sha, Map<String, Object> procfile,
                         String dockerfile) {
        return create(caller, app, new BuildRequest(image, sha, procfile, dockerfile));
    }

    /** An app's builds, newest first. */
    Page<Build> list(Caller caller, String app, PageRequest page);

    /**
     * One build of an app by uuid.
     *
     * @throws dev.drydock.ports.error.NotFoundException if the app has no such build
     */
    Build get(Caller caller, String app, String uuid);
}
