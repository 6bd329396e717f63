package dev.drydock.http.internal;

import dev.drydock.http.RequestObserver;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.uri.UriTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each request an id and writes one line per request to the logger {@value #LOGGER}:
 * method, route template (never the raw path, which may hold what a client should not have put
 * there), status, duration, user and request id. A client's own {@code X-Request-Id} is kept when
 * it is well-formed, so one id follows a request through a client, a proxy and this server; the
 * id is echoed in the answer, and a 500's body names the same id.
 *
 * <p>Nothing secret is written: no header, query, body or token. Its format and destination are
 * the logging backend's, and the backend can switch it off (for slf4j-simple,
 * {@code -Dorg.slf4j.simpleLogger.log.drydock.access=off}).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class AccessLog implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String LOGGER = "drydock.access";
    public static final String HEADER = "X-Request-Id";
    /** The request property holding the id. */
    static final String ID = "drydock.request-id";
    /** The request property holding the authenticated user's name, set by {@link Authenticator}. */
    static final String USER = "drydock.user";
    private static final String START = "drydock.request-start";
    // what a proxy or client may send: no spaces, quotes or control characters to forge log lines with
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    // {id: [a-z0-9-]+} is logged as {id}
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w+)\\s*:(?:[^{}]|\\{[^{}]*\\})*\\}");

    private final RequestObserver observer;

    public AccessLog() {
        this(RequestObserver.NONE);
    }

    /** An access log that also tells {@code observer} of each answered request. */
    public AccessLog(RequestObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
        String offered = request.getHeaderString(HEADER);
        request.setProperty(ID, offered != null && WELL_FORMED.matcher(offered).matches() ? offered : newId());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String id = idOf(request);
        response.getHeaders().putSingle(HEADER, id);
        boolean logged = LOG.isInfoEnabled();
        if (!logged && observer == RequestObserver.NONE) {
            return;
        }
        Object start = request.getProperty(START);
        long nanos = start instanceof Long started ? System.nanoTime() - started : 0;
        String route = route(request);
        observe(request.getMethod(), route, response.getStatus(), nanos);
        if (logged) {
            long micros = nanos / 1_000;
            Object user = request.getProperty(USER);
            long fraction = micros % 1_000;
            StringBuilder line = new StringBuilder(96).append(request.getMethod()).append(' ').append(route)
                    .append(' ').append(response.getStatus()).append(' ').append(micros / 1_000).append('.')
                    .append(fraction < 100 ? (fraction < 10 ? "00" : "0") : "").append(fraction)
                    .append(" ms user=").append(user == null ? "-" : user).append(" id=").append(id);
            WRITER.offer(line.toString());
        }
    }

    /** Waits until every line given so far is written; for tests that read the log. */
    static void awaitWritten() throws InterruptedException {
        WRITER.awaitEmpty();
    }

    private static final Writer WRITER = new Writer();

    /**
     * Writes the lines on a thread of its own: a logging backend writes each line to its stream
     * under a lock, which sixteen workers took turns at on every request (the API served some 40%
     * fewer requests a second with the log on). A backlog beyond the queue is dropped and counted,
     * so a slow log can never hold a request.
     */
    private static final class Writer implements Runnable {
        private final java.util.concurrent.BlockingQueue<String> lines =
                new java.util.concurrent.ArrayBlockingQueue<>(16_384);
        private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicInteger writing = new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean started;

        void offer(String line) {
            if (!started) {
                start();
            }
            writing.incrementAndGet();
            if (!lines.offer(line)) {
                writing.decrementAndGet();
                dropped.incrementAndGet();
            }
        }

        private synchronized void start() {
            if (!started) {
                Thread thread = new Thread(this, "drydock-access-log");
                thread.setDaemon(true);
                thread.start();
                started = true;
            }
        }

        @Override
        public void run() {
            while (true) {
                String line;
                try {
                    line = lines.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    LOG.info(line);
                    long lost = dropped.getAndSet(0);
                    if (lost > 0) {
                        LOG.warn("{} access lines were dropped: the log could not keep up", lost);
                    }
                } catch (RuntimeException e) {
                    // a backend that fails loses a line, never the writer
                } finally {
                    writing.decrementAndGet();
                }
            }
        }

        void awaitEmpty() throws InterruptedException {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (writing.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
    }

    // a broken observer costs its metric, never the client's answer
    private void observe(String method, String route, int status, long nanos) {
        try {
            observer.answered(method, route, status, Duration.ofNanos(nanos));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(AccessLog.class).warn("request observer failed", e);
        }
    }

    /** The request's id; one is made for a request that no filter saw (an error before matching). */
    static String idOf(ContainerRequestContext request) {
        Object id = request.getProperty(ID);
        if (id instanceof String text) {
            return text;
        }
        String made = newId();
        request.setProperty(ID, made);
        return made;
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The matched route as its template, e.g. {@code /v2/apps/{id}/config}; {@code -} when none matched. */
    private static String route(ContainerRequestContext request) {
        if (!(request instanceof ContainerRequest jersey)) {
            return "-";
        }
        List<UriTemplate> matched = jersey.getUriInfo().getMatchedTemplates();
        if (matched.isEmpty()) {
            return "-";
        }
        // the routes are few and fixed: each is worked out once, not on every request
        String known = ROUTES.get(matched);
        if (known != null) {
            return known;
        }
        String route = joined(matched);
        ROUTES.putIfAbsent(List.copyOf(matched), route);
        return route;
    }

    private static final java.util.concurrent.ConcurrentMap<List<UriTemplate>, String> ROUTES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String joined(List<UriTemplate> matched) {
        List<String> parts = new ArrayList<>();
        matched.forEach(template -> parts.add(PARAMETER.matcher(template.getTemplate()).replaceAll("{$1}")));
        Collections.reverse(parts);
        StringBuilder route = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty() || part.equals("/")) {
                continue;
            }
            if (route.length() == 0 || route.charAt(route.length() - 1) != '/') {
                if (!part.startsWith("/")) {
                    route.append('/');
                }
            } else if (part.startsWith("/")) {
                part = part.substring(1);
            }
            route.append(part);
        }
        return route.length() == 0 ? "/" : route.toString();
    }
}
