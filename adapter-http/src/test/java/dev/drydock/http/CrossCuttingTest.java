package dev.drydock.http;

import static dev.drydock.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.http.ApiFixture.Reply;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What every endpoint shares: headers, authentication, error bodies, body parsing, routing. */
class CrossCuttingTest {
    static ApiFixture api;
    static String admin;
    static String user;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        admin = api.user("admin");
        user = api.user("jane");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static void assertVersionHeaders(Reply reply) {
        assertThat(reply.header("DRYCC_API_VERSION")).as("api version of %s", reply).isEqualTo("2.3");
        assertThat(reply.header("DRYCC_PLATFORM_VERSION")).as("platform version of %s", reply).isEqualTo("2.3.0");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(reply.header("Access-Control-Expose-Headers"))
                .isEqualTo("DRYCC_API_VERSION, DRYCC_PLATFORM_VERSION");
    }

    @Test
    void everyResponseCarriesTheVersionAndCorsHeaders() {
        assertVersionHeaders(api.get("/v2/apps", user));
        assertVersionHeaders(api.get("/v2/apps", null));
        assertVersionHeaders(api.get("/v2/apps/missing", user));
        assertVersionHeaders(api.get("/v2/nothing/here", user));
        assertVersionHeaders(api.get("/elsewhere", null));
        assertVersionHeaders(api.send("PATCH", "/v2/apps", user, "{}", "application/json"));
        assertVersionHeaders(api.post("/v2/apps", user, "{bad json"));
        assertVersionHeaders(api.get("/healthz", null));
    }

    @Test
    void corsPreflightIsAnswered() {
        Reply reply = api.send("OPTIONS", "/v2/apps", null, null, null,
                Map.of("Origin", "http://ui.example.com", "Access-Control-Request-Method", "POST"));

        assertThat(reply.status()).isBetween(200, 204);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(reply.header("Access-Control-Allow-Headers")).contains("Authorization", "content-type");
        assertThat(reply.header("Access-Control-Allow-Methods")).contains("POST", "DELETE");
    }

    @Test
    void unknownRoutesAreJson404() {
        Reply reply = api.get("/v2/nothing/here", user);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().get("detail").asText()).isEqualTo("Not found.");
    }

    @Test
    void appIdsOutsideTheUrlPatternMatchNoRoute() {
        Reply reply = api.get("/v2/apps/=myapp", user);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Not found.");
    }

    @Test
    void aWrongMethodOnAKnownRouteIs405() {
        Reply reply = api.send("PATCH", "/v2/apps", user, "{}", "application/json");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"Method \\\"PATCH\\\" not allowed.\"}");
        assertThat(reply.header("Allow")).contains("GET", "POST");
    }

    @Test
    void putOnAnAppIs405() {
        assertThat(api.send("PUT", "/v2/apps/some-app", user, "{}", "application/json").status()).isEqualTo(405);
        assertThat(api.send("PATCH", "/v2/apps/some-app", user, "{}", "application/json").status()).isEqualTo(405);
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        Reply reply = api.send("POST", "/v2/apps", user, "id=x", "text/plain");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Unsupported media type \"text/plain\" in request.");
    }

    @Test
    void anEmptyBodyOfAnyTypeIsAnEmptyObject() {
        Reply reply = api.send("POST", "/v2/apps", user, "", "text/plain");

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void onlyJsonIsProduced() {
        Reply reply = api.send("GET", "/v2/apps", user, null, null, Map.of("Accept", "text/html"));

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Could not satisfy the request Accept header.");
    }

    @Test
    void malformedJsonIs400WithAParseError() {
        Reply reply = api.post("/v2/apps", user, "{\"id\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).startsWith("JSON parse error - ");
    }

    @Test
    void jsonThatIsNotAnObjectIs400() {
        for (String body : new String[] {"[1, 2]", "\"text\"", "42", "null"}) {
            Reply reply = api.post("/v2/apps", user, body);

            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().get("detail").asText()).as(body).startsWith("JSON parse error - ");
        }
    }

    @Test
    void numbersWithExponentsTooLargeToReadAre400() {
        for (String number : new String[] {"1e2147483648", "1e-2147483649", "-1e2147483648"}) {
            Reply reply = api.post("/v2/apps", user, "{\"id\": " + number + "}");

            assertThat(reply.status()).as(number).isEqualTo(400);
            assertThat(reply.json().get("detail").asText()).as(number)
                    .isEqualTo("JSON parse error - Number out of range at line 1 column 8");
        }
    }

    @Test
    void parseErrorsAreShortAndNameTheLineAndColumn() {
        Reply unclosed = api.post("/v2/apps", user, "{");
        Reply trailing = api.post("/v2/apps", user, "{} {}");
        Reply longNumber = api.post("/v2/apps", user, "{\"id\": " + "9".repeat(2000) + "}");

        assertThat(unclosed.json().get("detail").asText()).isEqualTo("JSON parse error - Unexpected end-of-input: "
                + "expected close marker for Object (start marker at line 1 column 1) at line 1 column 2");
        assertThat(trailing.json().get("detail").asText())
                .isEqualTo("JSON parse error - Extra data at line 1 column 4");
        for (Reply reply : new Reply[] {unclosed, trailing, longNumber}) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().get("detail").asText()).as(reply.body())
                    .startsWith("JSON parse error - ").doesNotContain("`", "Source", "REDACTED", "Feature");
        }
    }

    @Test
    void trailingGarbageAfterJsonIs400() {
        Reply reply = api.post("/v2/apps", user, "{} {}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).startsWith("JSON parse error - ");
    }

    @Test
    void aFieldOfTheWrongTypeIsAFieldError() {
        Reply reply = api.post("/v2/apps", user, "{\"id\": [\"a\"]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("id").get(0).asText()).isEqualTo("Not a valid string.");
    }

    @Test
    void anObjectWhereAStringBelongsIsAFieldError() {
        Reply reply = api.post("/v2/auth/login/", null, "{\"username\": {\"a\": 1}, \"password\": \"x\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("username").get(0).asText()).isEqualTo("Not a valid string.");
    }

    @Test
    void bodiesOverTheLimitAre413() {
        String big = "{\"id\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}";

        Reply reply = api.post("/v2/apps", user, big);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("detail").asText()).contains("larger than");
    }

    @Test
    void formEncodedBodiesWork() {
        api.post("/v2/auth/register", null, json("username", "formy", "password", "p w&d=1"));

        Reply reply = api.send("POST", "/v2/auth/login/", null, "username=formy&password=p+w%26d%3D1",
                "application/x-www-form-urlencoded");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("token").asText()).isNotBlank();
    }

    @Test
    void noCredentialsIs401WithTheChallenge() {
        Reply reply = api.get("/v2/apps", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Authentication credentials were not provided.");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Token");
    }

    @Test
    void anotherSchemeCountsAsNoCredentials() {
        Reply reply = api.send("GET", "/v2/apps", null, null, null, Map.of("Authorization", "Bearer " + user));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Authentication credentials were not provided.");
    }

    @Test
    void aTokenHeaderWithoutAKeyIs401() {
        Reply reply = api.send("GET", "/v2/apps", null, null, null, Map.of("Authorization", "token"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Invalid token header. No credentials provided.");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Token");
    }

    @Test
    void aBadTokenIs401() {
        Reply reply = api.get("/v2/apps", "0123456789abcdef0123456789abcdef01234567");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Invalid token.");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Token");
    }

    @Test
    void theTokenKeywordIsCaseInsensitive() {
        for (String keyword : new String[] {"Token", "TOKEN", "token"}) {
            Reply reply = api.send("GET", "/v2/apps", null, null, null,
                    Map.of("Authorization", keyword + " " + user));

            assertThat(reply.status()).as(keyword).isEqualTo(200);
        }
    }

    @Test
    void theApiRootAnswersAnEmptyObjectToAuthenticatedCallers() {
        assertThat(api.get("/v2/", user).body()).isEqualTo("{}");
        assertThat(api.get("/v2", user).body()).isEqualTo("{}");
        assertThat(api.get("/v2/", null).status()).isEqualTo(401);
    }

    @Test
    void trailingSlashesAreOptional() {
        assertThat(api.get("/v2/apps/", user).status()).isEqualTo(200);
        assertThat(api.get("/v2/apps", user).status()).isEqualTo(200);
        assertThat(api.get("/v2/auth/whoami/", user).status()).isEqualTo(200);
        assertThat(api.post("/v2/auth/login", null, json("username", "jane", "password", ApiFixture.PASSWORD))
                .status()).isEqualTo(200);
        assertThat(api.post("/v2/auth/tokens", admin, json("username", "jane")).status()).isEqualTo(200);
        user = api.login("jane");
    }

    @Test
    void healthAndReadinessProbes() {
        Reply health = api.get("/healthz", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("OK");
        assertThat(health.header("Content-Type")).startsWith("text/plain");
        assertThat(api.send("HEAD", "/healthz", null, null, null).status()).isEqualTo(200);
        assertThat(api.get("/readiness", null).body()).isEqualTo("OK");
        assertThat(api.send("HEAD", "/readiness/", null, null, null).status()).isEqualTo(200);

        api.ready.set(false);
        try {
            Reply notReady = api.get("/readiness", null);
            assertThat(notReady.status()).isEqualTo(503);
            assertVersionHeaders(notReady);
            assertThat(api.get("/healthz", null).status()).isEqualTo(200);
        } finally {
            api.ready.set(true);
        }
    }

    @Test
    void datesHaveWholeSecondsInUtc() {
        Reply reply = api.get("/v2/auth/whoami", user);

        assertThat(reply.json().get("date_joined").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void aPostOfferingAnH2cUpgradeIsAnsweredOverHttp11() {
        // Java's client offers "Upgrade: h2c" by default over http; Grizzly used to wait for the body.
        HttpClient defaultClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(api.uri("/v2/apps"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "token " + user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json("id", "over-h2c")))
                .build();

        Reply reply = ApiFixture.exchange(defaultClient, request);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("id").asText()).isEqualTo("over-h2c");

        Reply again = ApiFixture.exchange(defaultClient, HttpRequest.newBuilder(api.uri("/v2/apps/over-h2c"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "token " + user).build());
        assertThat(again.status()).isEqualTo(200);
    }
}
