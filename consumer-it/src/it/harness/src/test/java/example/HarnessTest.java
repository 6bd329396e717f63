package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drydock.testing.DrydockHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What a user's test of a Drycc client does first: start the API, register, log in, create an app. */
class HarnessTest {
    // HTTP/1.1: the JDK's default h2c upgrade stalls POSTs to the harness's server
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void registersAUserAndCreatesAnAppOverHttp() throws Exception {
        try (DrydockHarness harness = DrydockHarness.start()) {
            URI api = harness.uri();
            HttpResponse<String> registered = post(api.resolve("v2/auth/register/"), null,
                    "{\"username\":\"ada\",\"password\":\"s3cret-pass\",\"email\":\"ada@example.com\"}");
            assertEquals(201, registered.statusCode(), registered.body());

            HttpResponse<String> login = post(api.resolve("v2/auth/login/"), null,
                    "{\"username\":\"ada\",\"password\":\"s3cret-pass\"}");
            assertEquals(200, login.statusCode(), login.body());
            String token = login.body().replaceAll(".*\"token\"\\s*:\\s*\"([0-9a-f]+)\".*", "$1");

            HttpResponse<String> created = post(api.resolve("v2/apps/"), token, "{\"id\":\"web-shop\"}");
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(created.body().contains("\"id\":\"web-shop\""), created.body());
        }
    }

    private HttpResponse<String> post(URI uri, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
