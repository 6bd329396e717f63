package dev.drydock.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP/1.1 client for tests against a running API (the JDK's default HTTP/2 stalls POSTs here). */
public final class HttpTestClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public record Reply(int status, String body) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Reply send(URI base, String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a user (the first becomes admin) and returns a token from a login. */
    public String signUp(URI base, String username) {
        String credentials = "{\"username\":\"" + username + "\",\"password\":\"s3cret-pass\"}";
        Reply registered = send(base, "POST", "v2/auth/register/", null, credentials);
        if (registered.status() != 201) {
            throw new IllegalStateException("register: " + registered);
        }
        return login(base, username);
    }

    public String login(URI base, String username) {
        Reply login = send(base, "POST", "v2/auth/login/", null,
                "{\"username\":\"" + username + "\",\"password\":\"s3cret-pass\"}");
        if (login.status() != 200) {
            throw new IllegalStateException("login: " + login);
        }
        return login.body().replaceAll(".*\"token\"\\s*:\\s*\"([0-9a-f]{40})\".*", "$1");
    }

    /**
     * {@code clients} clients at once, spread in turn over the servers, each making
     * {@code changesEach} config changes to one app (key {@code KEY_<client>_<n>}); waits for all
     * (three minutes at most) and answers the changes that were not a 201, each with its reply.
     */
    public java.util.List<String> changeConcurrently(java.util.List<URI> servers, String token, String app,
                                                     int clients, int changesEach) throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.Queue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                URI server = servers.get(c % servers.size());
                int id = c;
                done.add(pool.submit((java.util.concurrent.Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < changesEach; i++) {
                        Reply changed = send(server, "POST", "v2/apps/" + app + "/config/", token,
                                "{\"values\":{\"KEY_" + id + "_" + i + "\":\"" + i + "\"}}");
                        if (changed.status() != 201) {
                            failures.add("client " + id + " change " + i + ": " + changed);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> f : done) {
                f.get(3, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return java.util.List.copyOf(failures);
    }
}
