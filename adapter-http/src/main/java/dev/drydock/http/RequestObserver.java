package dev.drydock.http;

import java.time.Duration;

/**
 * Told of every request the API answered, as the access log sees it: for metrics, without this
 * module knowing a metrics library. Requests refused before they reach the API's application (a
 * full queue's 503, a malformed request target) are not seen, as they are not logged.
 *
 * <p>It runs on the request's thread before the answer is written, so it must be quick and must
 * not block; an exception it throws is logged and does not change the answer.
 */
@FunctionalInterface
public interface RequestObserver {
    /** Observes nothing. */
    RequestObserver NONE = (method, route, status, elapsed) -> { };

    /**
     * One answered request.
     *
     * @param method  the HTTP method, such as {@code GET}
     * @param route   the matched route template, such as {@code /v2/apps/{id}/config}, never the raw
     *                path; {@code -} when no route matched (a 404, or a request refused earlier)
     * @param status  the status answered
     * @param elapsed from the request entering the application to its answer being ready
     */
    void answered(String method, String route, int status, Duration elapsed);
}
