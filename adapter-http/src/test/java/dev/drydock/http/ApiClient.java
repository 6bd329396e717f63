package dev.drydock.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.http.ApiFixture.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** An HTTP/1.1 client of the API under test, with sign-up and login; the fixtures extend it. */
abstract class ApiClient {
    final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** The API's base address. */
    abstract URI base();

    /** Registers a user and logs in; the first user registered becomes an admin. Returns the token. */
    String user(String username) {
        Reply registered = post("/v2/auth/register", null, ApiFixture.json("username", username,
                "password", ApiFixture.PASSWORD, "email", username + "@example.com"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return login(username);
    }

    String login(String username) {
        Reply login = post("/v2/auth/login/", null,
                ApiFixture.json("username", username, "password", ApiFixture.PASSWORD));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("token").asText();
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null, null, Map.of());
    }

    Reply post(String path, String token, String json) {
        return send("POST", path, token, json, "application/json", Map.of());
    }

    Reply delete(String path, String token) {
        return send("DELETE", path, token, null, null, Map.of());
    }

    Reply send(String method, String path, String token, String body, String contentType) {
        return send(method, path, token, body, contentType, Map.of());
    }

    Reply send(String method, String path, String token, String body, String contentType,
               Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return ApiFixture.exchange(client, request.build());
    }

    URI uri(String path) {
        return base().resolve(path);
    }
}
