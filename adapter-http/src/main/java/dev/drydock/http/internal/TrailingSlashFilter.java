package dev.drydock.http.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Makes one trailing slash optional on every route: {@code /v2/apps/} is routed as {@code /v2/apps}.
 * Resources therefore declare paths without a trailing slash. The URI as sent stays available
 * under {@link #ORIGINAL_URI}, with the Host header as sent (pagination links are built from it).
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class TrailingSlashFilter implements ContainerRequestFilter {
    /** Request property holding the request URI as the client sent it. */
    public static final String ORIGINAL_URI = TrailingSlashFilter.class.getName() + ".originalUri";

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        // only paginated answers need the URI as sent: build it from this one when they ask
        request.setProperty(ORIGINAL_URI, uri);
        String path = uri.getRawPath();
        if (path != null && path.length() > 1 && path.endsWith("/")) {
            String query = uri.getRawQuery();
            String stripped = uri.getScheme() + "://" + uri.getRawAuthority()
                    + path.substring(0, path.length() - 1) + (query == null ? "" : "?" + query);
            request.setRequestUri(URI.create(stripped));
        }
    }

    /**
     * The URI with the Host header as sent (as Django builds absolute links), so that a default
     * port stays implicit and a host Java's URI refuses as a server name (a_b) still shows.
     */
    private static URI withHostAsSent(URI uri, Object host) {
        if (!(host instanceof String sent)) {
            return uri;
        }
        String query = uri.getRawQuery();
        try {
            return new URI(uri.getScheme() + "://" + sent + uri.getRawPath() + (query == null ? "" : "?" + query));
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    /** The request URI as the client sent it (before a trailing slash was dropped). */
    public static URI originalUri(ContainerRequestContext request) {
        Object original = request.getProperty(ORIGINAL_URI);
        URI uri = original instanceof URI sent ? sent : request.getUriInfo().getRequestUri();
        return withHostAsSent(uri, request.getProperty(RequestTargetGuard.HOST));
    }
}
