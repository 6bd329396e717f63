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
}
