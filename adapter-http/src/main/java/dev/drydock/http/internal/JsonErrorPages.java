package dev.drydock.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of every error Grizzly answers itself, before or instead of Jersey: a short JSON
 * {@code {"detail": ...}} with the API's headers, never Grizzly's HTML page with a stack trace.
 * A 500 also carries an id, logged with the stack trace, as the error mapper does.
 */
public final class JsonErrorPages implements ErrorPageGenerator {
    /** Request attribute with the detail text to show; without it the text follows the status. */
    public static final String DETAIL = JsonErrorPages.class.getName() + ".detail";
    static final String NOT_FOUND = "Not found.";
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorPages.class);

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        Map<String, Object> body = new LinkedHashMap<>();
        Object detail = request.getAttribute(DETAIL);
        if (detail != null) {
            body.put("detail", detail.toString());
        } else if (status == 404) {
            body.put("detail", NOT_FOUND);
        } else if (status == 503) {
            // the server is stopping, or its workers are all taken: not a fault, nothing to log
            body.put("detail", FrontDoor.BUSY);
        } else if (status >= 500) {
            String id = UUID.randomUUID().toString();
            LOG.error("Server error {} before the API was reached", id, exception);
            body.put("detail", "Server Error");
            body.put("id", id);
        } else {
            body.put("detail", (reasonPhrase == null || reasonPhrase.isBlank() ? "Error" : reasonPhrase) + ".");
        }
        Response response = request.getResponse();
        if (response != null) {
            ApiHeadersFilter.EVERY_RESPONSE.forEach(response::setHeader);
            response.setContentType("application/json");
        }
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings is always JSON", e);
        }
    }
}
