package dev.drydock.http;

import static dev.drydock.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.http.RawHttp.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests Java's HttpClient refuses to send, written by hand: malformed request targets, unusable
 * Host headers, malformed media type headers and protocol upgrades. Each is answered in JSON with
 * the version and CORS headers, and no answer shows a stack trace.
 */
class RawRequestApiTest {
    static ApiFixture api;
    static String user;
    static int port;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        api.user("admin");
        user = api.user("jane");
        port = api.api.port();
        for (String id : new String[] {"raw-a", "raw-b"}) {
            assertThat(api.post("/v2/apps", user, json("id", id)).status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static void assertApiAnswer(Response reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/json");
        assertThat(reply.header("DRYCC_API_VERSION")).as(reply.toString()).isEqualTo("2.3");
        assertThat(reply.header("DRYCC_PLATFORM_VERSION")).as(reply.toString()).isEqualTo("2.3.0");
        assertThat(reply.header("Access-Control-Allow-Origin")).as(reply.toString()).isEqualTo("*");
        assertThat(reply.header("Access-Control-Expose-Headers")).as(reply.toString())
                .isEqualTo("DRYCC_API_VERSION, DRYCC_PLATFORM_VERSION");
        assertNoStackTrace(reply);
    }

    private static void assertNoStackTrace(Response reply) {
        assertThat(reply.body()).as(reply.toString()).doesNotContain("Exception", "\tat ", "at org.", "at java.");
    }

    private static Response send(String method, String target, Map<String, String> headers, String body) {
        return RawHttp.send(port, method, target, headers, body);
    }

    private static Map<String, String> auth() {
        return Map.of("Authorization", "token " + user);
    }

    @Test
    void aPathWithRawUtf8BytesIsReadAsUtf8() {
        assertThat(api.post("/v2/apps/raw-b/domains", user, json("domain", "bücher.example.com")).status())
                .isEqualTo(201);
        // what curl puts on the wire for /v2/apps/raw-b/domains/bücher.example.com: the UTF-8 bytes
        String target = new String("/v2/apps/raw-b/domains/bücher.example.com".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);

        Response removed = send("DELETE", target, auth(), null);

        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(api.get("/v2/apps/raw-b/domains", user).body()).doesNotContain("xn--bcher-kva");
    }

    @Test
    void aPathWithRepeatedLeadingSlashesIsServedAsTheSingleSlashPath() {
        // what a client sends when it appends "/healthz" to a base URI that ends in "/"
        assertThat(send("GET", "//healthz", Map.of(), null).status()).isEqualTo(200);

        Response apps = send("GET", "///v2/apps", auth(), null);
        assertApiAnswer(apps, 200);
        assertThat(apps.body()).contains("\"id\":\"raw-a\"");
    }

    @Test
    void pathsWithBadEscapesOrIllegalCharactersAreJson404() {
        String[][] requests = {
            {"GET", "/v2/%zz"},
            {"DELETE", "/v2/apps/app1/domains/%zz"},
            {"DELETE", "/v2/certs/rsa/domain/%"},
            {"GET", "/v2/apps/{x}"},
            {"GET", "/v2/apps/raw-a/%"},
        };
        for (String[] request : requests) {
            Response reply = send(request[0], request[1], auth(), null);

            assertApiAnswer(reply, 404);
            assertThat(reply.json().get("detail").asText()).as(request[1]).isEqualTo("Not found.");
        }
    }

    @Test
    void aQueryWithABadEscapeIsServedAndKeepsTheParameterAsSent() {
        Response reply = send("GET", "/v2/apps?x=%zz&limit=1", auth(), null);

        assertApiAnswer(reply, 200);
        assertThat(reply.json().get("results")).hasSize(1);
        assertThat(reply.json().get("next").asText())
                .isEqualTo("http://127.0.0.1:" + port + "/v2/apps?limit=1&offset=1&x=%25zz");
    }

    @Test
    void aQueryWithIllegalCharactersIsServed() {
        Response reply = send("GET", "/v2/apps?x={y}|%&limit=1", auth(), null);

        assertApiAnswer(reply, 200);
        assertThat(reply.json().get("results")).hasSize(1);
    }

    @Test
    void hostNamesWithUnderscoresWork() {
        Map<String, String> headers = Map.of("Authorization", "token " + user, "Host", "a_b.example:8000");

        Response reply = send("GET", "/v2/apps?limit=1", headers, null);

        assertApiAnswer(reply, 200);
        assertThat(reply.json().get("next").asText()).isEqualTo("http://a_b.example:8000/v2/apps?limit=1&offset=1");
        Response created = send("POST", "/v2/apps", Map.of("Authorization", "token " + user,
                "Host", "a_b.example", "Content-Type", "application/json"), json("id", "via-compose"));
        assertApiAnswer(created, 201);
        assertThat(created.json().get("id").asText()).isEqualTo("via-compose");
    }

    @Test
    void unusableHostsAre400() {
        for (String host : new String[] {"bad host", "[::1", "a:b:c", "a:99999999999"}) {
            Response reply = send("GET", "/v2/apps", Map.of("Authorization", "token " + user, "Host", host), null);

            assertApiAnswer(reply, 400);
            assertThat(reply.json().get("detail").asText()).as(host).isEqualTo("Invalid HTTP_HOST header");
        }
    }

    @Test
    void aHostThatJavaCanParseIsUntouched() {
        Response reply = send("GET", "/v2/apps?limit=1", Map.of("Authorization", "token " + user,
                "Host", "[::1]:9000"), null);

        assertApiAnswer(reply, 200);
        assertThat(reply.json().get("next").asText()).isEqualTo("http://[::1]:9000/v2/apps?limit=1&offset=1");
    }

    @Test
    void aMalformedContentTypeIs415() {
        Response reply = send("POST", "/v2/apps", Map.of("Authorization", "token " + user, "Content-Type", ";;;"),
                json("id", "bad-type"));

        assertApiAnswer(reply, 415);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Unsupported media type \";;;\" in request.");
    }

    @Test
    void aMalformedContentTypeWithoutABodyIsIgnored() {
        Response reply = send("GET", "/v2/apps", Map.of("Authorization", "token " + user, "Content-Type", ";;;"),
                null);

        assertApiAnswer(reply, 200);
    }

    @Test
    void aMalformedAcceptIs406() {
        for (String accept : new String[] {";;;", "application/json;;;q", "/"}) {
            Response reply = send("GET", "/v2/apps", Map.of("Authorization", "token " + user, "Accept", accept), null);

            assertApiAnswer(reply, 406);
            assertThat(reply.json().get("detail").asText()).as(accept)
                    .isEqualTo("Could not satisfy the request Accept header.");
        }
    }

    @Test
    void postsOfferingAnyUpgradeAreAnsweredOverHttp11() {
        String[] upgrades = {"websocket", "TLS/1.2", "websocket, h2c", "h2c", "foo/1, bar"};
        for (int i = 0; i < upgrades.length; i++) {
            Map<String, String> headers = Map.of("Authorization", "token " + user,
                    "Content-Type", "application/json", "Connection", "Upgrade", "Upgrade", upgrades[i]);

            Response reply = send("POST", "/v2/apps", headers, json("id", "upgraded-" + i));

            assertApiAnswer(reply, 201);
            assertThat(reply.json().get("id").asText()).as(upgrades[i]).isEqualTo("upgraded-" + i);
            assertThat(reply.header("Upgrade")).isNull();
        }
    }

    @Test
    void aHeaderSectionTooLargeIsRefusedWithoutATrace() {
        // Grizzly's codec answers this itself, before any handler or error page.
        Response reply = send("GET", "/v2/apps", Map.of("X-Big", "a".repeat(20_000)), null);

        assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
        assertNoStackTrace(reply);
    }
}
