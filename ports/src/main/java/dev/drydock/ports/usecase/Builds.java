package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import java.util.Map;

/** Builds: each new one is released and deployed. */
public interface Builds {
    /**
     * Creates a build, releases it with the latest good config and deploys it. Null means the
     * field was not sent; the procfile is JSON-like and validated by the core.
     */
    Build create(Caller caller, String app, String image, String sha, Map<String, Object> procfile, String dockerfile);

    /** An app's builds, newest first. */
    Page<Build> list(Caller caller, String app, PageRequest page);

    /** One build of an app by uuid. */
    Build get(Caller caller, String app, String uuid);
}
