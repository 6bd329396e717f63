package dev.drydock.http;

import static dev.drydock.http.PlatformFixture.detail;
import static dev.drydock.http.PlatformFixture.fieldError;
import static dev.drydock.http.PlatformFixture.fieldNames;
import static dev.drydock.http.PlatformFixture.notFoundText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.http.ApiFixture.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /v2/apps/{id}/tls: whether an app enforces HTTPS, for each role. */
class TlsApiTest {
    static PlatformFixture api;

    @BeforeAll
    static void start() {
        api = PlatformFixture.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String tls(String app) {
        return "/v2/apps/" + app + "/tls";
    }

    @Test
    void aNewAppHasNoSettingYet() {
        String app = api.app();

        Reply reply = api.get(tls(app), api.owner);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(fieldNames(json)).containsExactly("uuid", "app", "owner", "https_enforced", "created", "updated");
        assertThat(json.get("app").asText()).isEqualTo(app);
        assertThat(json.get("https_enforced").isNull()).isTrue();
        assertThat(json.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void setAnswers201AndTheNewSetting() {
        String app = api.app();

        Reply reply = api.post(tls(app), api.collab, "{\"https_enforced\": true}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("https_enforced").asBoolean()).isTrue();
        assertThat(reply.json().get("owner").asText()).isEqualTo("collab");
        for (String token : api.users()) {
            assertThat(api.get(tls(app), token).json().get("https_enforced").asBoolean()).isTrue();
        }
        assertThat(api.scheduler.routing(app).orElseThrow().httpsEnforced()).isTrue();
    }

    @Test
    void theSameValueAgainIs409() {
        String app = api.app();
        api.post(tls(app), api.owner, "{\"https_enforced\": false}");

        Reply reply = api.post(tls(app), api.admin, "{\"https_enforced\": false}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(detail(reply)).isEqualTo("admin changed nothing");
    }

    @Test
    void booleansMayBeSentAsText() {
        String app = api.app();

        Reply on = api.post(tls(app), api.owner, "{\"https_enforced\": \"True\"}");
        Reply off = api.post(tls(app), api.owner, "{\"https_enforced\": \"false\"}");
        Reply form = api.send("POST", tls(app), api.owner, "https_enforced=1", "application/x-www-form-urlencoded");

        assertThat(on.json().get("https_enforced").asBoolean()).isTrue();
        assertThat(off.json().get("https_enforced").asBoolean()).isFalse();
        assertThat(form.status()).as(form.body()).isEqualTo(201);
        assertThat(form.json().get("https_enforced").asBoolean()).isTrue();
    }

    @Test
    void aValueThatIsNotABooleanIs400() {
        String app = api.app();

        Reply reply = api.post(tls(app), api.owner, "{\"https_enforced\": \"test\"}");

        assertThat(reply.body()).isEqualTo("{\"https_enforced\":[\"\\\"test\\\" is not a valid boolean.\"]}");
        assertThat(fieldError(api.post(tls(app), api.owner, "{\"https_enforced\": 2}"), "https_enforced"))
                .isEqualTo("\"2\" is not a valid boolean.");
        assertThat(fieldError(api.post(tls(app), api.owner, "{}"), "https_enforced"))
                .isEqualTo("This field is required.");
        assertThat(fieldError(api.post(tls(app), api.owner, "{\"https_enforced\": null}"), "https_enforced"))
                .isEqualTo("This field may not be null.");
    }

    @Test
    void outsidersAnonymousAndUnknownApps() {
        String app = api.app();

        Reply outsider = api.post(tls(app), api.outsider, "{\"https_enforced\": true}");
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(detail(outsider)).isEqualTo("You do not have permission to perform this action.");
        assertThat(api.get(tls(app), api.outsider).status()).isEqualTo(403);
        assertThat(api.get(tls(app), null).status()).isEqualTo(401);
        assertThat(api.post(tls(app), null, "{\"https_enforced\": true}").status()).isEqualTo(401);
        assertThat(notFoundText(api.get(tls("no-such-app"), api.owner))).isEqualTo("No App matches the given query.");
        assertThat(notFoundText(api.post(tls("no-such-app"), api.admin, "{\"https_enforced\": true}")))
                .isEqualTo("No App matches the given query.");
    }

    @Test
    void otherMethodsAre405() {
        String app = api.app();

        for (String method : new String[] {"PUT", "PATCH", "DELETE"}) {
            assertThat(api.send(method, tls(app), api.owner, "{}", "application/json").status()).as(method)
                    .isEqualTo(405);
        }
        assertThat(api.get(tls(app) + "/", api.owner).status()).isEqualTo(200);
    }
}
