package dev.drydock.http.internal;

/** Path templates shared by resources. Paths have no trailing slash (see {@link TrailingSlashFilter}). */
public final class Routes {
    /** The name of the app path parameter. */
    public static final String APP_PARAM = "id";
    /** An app id segment: upstream's APP_URL_REGEX; other ids match no route (404 "Not found."). */
    public static final String APP_ID = "{" + APP_PARAM + ": [a-z0-9-]+}";
    /** One app, as the root path of an app-scoped resource: {@code @Path(Routes.APP + "/config")}. */
    public static final String APP = "v2/apps/" + APP_ID;
    /** One path segment, for a username, a domain or a name: {@code "{username: " + SEGMENT + "}"}. */
    public static final String SEGMENT = "[^/]+";

    private Routes() {
    }
}
