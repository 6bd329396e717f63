package dev.drydock.http.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.drydock.ports.error.DrydockException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides the status of a failed request. Domain errors map by kind; Jersey's
 * routing errors get upstream's texts; anything unexpected is 500 with an id that is also logged
 * with the stack trace.
 */
@Provider
public final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private static final int PAYLOAD_TOO_LARGE = 413;

    @Context
    private Request request;
    @Context
    private HttpHeaders headers;
    // the request being answered, looked up when an error is mapped (the mapper is a singleton)
    @jakarta.inject.Inject
    private jakarta.inject.Provider<org.glassfish.jersey.server.ContainerRequest> requests;

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof DrydockException e) {
            return domain(e);
        }
        if (error instanceof JsonParseException || error instanceof MismatchedInputException) {
            // Only reached if a resource binds a body with Jackson instead of using JsonBody.
            return json(400, Json.detail("JSON parse error - " + Json.parseError((JsonProcessingException) error)));
        }
        if (error instanceof WebApplicationException e) {
            return web(e);
        }
        return serverError(error);
    }

    private Response domain(DrydockException e) {
        return switch (e.kind()) {
            // Object lookups answer with the bare message, as upstream's handler does.
            case NOT_FOUND -> json(404, e instanceof dev.drydock.ports.error.NotFoundException missing && !missing.lookup()
                    ? Json.detail(e.getMessage()) : Json.string(e.getMessage()));
            case INVALID -> json(400, e.fieldErrors().isEmpty()
                    ? Json.detail(e.getMessage()) : new LinkedHashMap<>(e.fieldErrors()));
            case CONFLICT -> json(409, Json.detail(e.getMessage()));
            case UNPROCESSABLE -> json(422, Json.detail(e.getMessage()));
            case FORBIDDEN -> json(403, Json.detail(e.getMessage()));
            case UNAUTHORIZED -> Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Token")
                    .entity(Json.detail(e.getMessage())).build();
            case UNAVAILABLE -> {
                // one line each: an outage of the database or cluster fails many requests at once, and
                // a stack trace per request would bury the log
                if (e.getCause() != null) {
                    LOG.warn("Service unavailable: {} ({})", e.getMessage(), rootCause(e));
                }
                // a short wait is worth a try: the store, the cluster or a free hashing slot may be back
                yield Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", "1")
                        .entity(Json.detail(e.getMessage())).build();
            }
        };
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException) {
            return json(404, Json.detail("Not found."));
        }
        if (e instanceof NotAllowedException) {
            Response.ResponseBuilder builder = Response.status(405).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Json.detail("Method \"" + method() + "\" not allowed."));
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                builder.header(HttpHeaders.ALLOW, allow);
            }
            return builder.build();
        }
        if (e instanceof NotSupportedException) {
            return json(415, Json.detail(MediaHeadersFilter.unsupported(contentType())));
        }
        if (e instanceof NotAcceptableException) {
            return json(406, Json.detail(MediaHeadersFilter.NOT_ACCEPTABLE));
        }
        if (e instanceof JsonBodyReader.BodyTooLargeException) {
            return json(PAYLOAD_TOO_LARGE, Json.detail(e.getMessage()));
        }
        if (status >= 500) {
            return serverError(e);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        return json(status, Json.detail(type.getReasonPhrase() + "."));
    }

    private Response serverError(Throwable error) {
        // the request's own id: the one in the access log and the X-Request-Id header
        String id = requestId();
        LOG.error("Server error {}", id, error);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", "Server Error");
        body.put("id", id);
        return json(500, body);
    }

    private String requestId() {
        try {
            return AccessLog.idOf(requests.get());
        } catch (RuntimeException outsideARequest) {
            return UUID.randomUUID().toString();
        }
    }

    private String method() {
        return request.getMethod().toUpperCase(Locale.ROOT);
    }

    private String contentType() {
        String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return type == null ? "" : type;
    }

    private static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
