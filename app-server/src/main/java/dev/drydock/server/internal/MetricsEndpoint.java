package dev.drydock.server.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} on a port of its own, apart from the API: a scrape never waits behind the
 * API's workers or queue, and never counts as an API request. One thread: scrapes come every few
 * seconds from one or two scrapers.
 */
public final class MetricsEndpoint implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService thread;
    private final URI uri;

    private MetricsEndpoint(HttpServer server, ExecutorService thread, URI uri) {
        this.server = server;
        this.thread = thread;
        this.uri = uri;
    }

    /**
     * Serves what {@code scrape} gives at {@code /metrics}.
     *
     * @param port the port, or 0 for any free one
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static MetricsEndpoint start(String host, int port, Supplier<String> scrape) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + host + ":" + port, e);
        }
        server.createContext("/", exchange -> answer(exchange, scrape));
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "drydock-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.start();
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return new MetricsEndpoint(server, thread, URI.create("http://" + shown + ":"
                + server.getAddress().getPort() + "/metrics"));
    }

    /** Where the metrics are, such as {@code http://127.0.0.1:9090/metrics}. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }

    private static void answer(HttpExchange exchange, Supplier<String> scrape) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                send(exchange, 404, "not found: metrics are at /metrics\n", false);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "only GET and HEAD\n", false);
            } else {
                exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                send(exchange, 200, scrape.get(), method.equals("HEAD"));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body, boolean head) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        }
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
