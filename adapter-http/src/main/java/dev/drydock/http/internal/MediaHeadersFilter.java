package dev.drydock.http.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers malformed media type headers as upstream does, before Jersey trips over them (Jersey
 * answers an empty 400 that no exception mapper sees): a Content-Type that cannot be read is 415
 * when there is a body and is ignored when there is none (an empty body is {@code {}} whatever its
 * type); an Accept that cannot be read is 406.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR - 100)
public final class MediaHeadersFilter implements ContainerRequestFilter {
    static final String NOT_ACCEPTABLE = "Could not satisfy the request Accept header.";

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !readable(() -> request.getMediaType())) {
            if (request.hasEntity()) {
                request.abortWith(json(415, unsupported(contentType)));
                return;
            }
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
        if (request.getHeaderString(HttpHeaders.ACCEPT) != null && !readable(() -> request.getAcceptableMediaTypes())) {
            request.abortWith(json(406, NOT_ACCEPTABLE));
        }
    }

    /** Upstream's text for a body of a type no parser takes. */
    static String unsupported(String contentType) {
        return "Unsupported media type \"" + contentType + "\" in request.";
    }

    private static boolean readable(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Response json(int status, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.detail(detail)).build();
    }
}
