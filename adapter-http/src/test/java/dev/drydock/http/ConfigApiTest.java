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

/** /v2/apps/{id}/config: reading and changing an app's config, for each role. */
class ConfigApiTest {
    static PlatformFixture api;

    @BeforeAll
    static void start() {
        api = PlatformFixture.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String config(String app) {
        return "/v2/apps/" + app + "/config";
    }

    @Test
    void getAnswersTheConfigRepresentation() {
        String app = api.app();

        Reply reply = api.get(config(app), api.owner);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode config = reply.json();
        assertThat(fieldNames(config)).containsExactly("uuid", "app", "owner", "values", "memory", "cpu", "tags",
                "registry", "healthcheck", "lifecycle_post_start", "lifecycle_pre_stop", "termination_grace_period",
                "created", "updated");
        assertThat(config.get("app").asText()).isEqualTo(app);
        assertThat(config.get("owner").asText()).isEqualTo("owner");
        assertThat(config.get("values").isObject()).isTrue();
        assertThat(config.get("values").size()).isZero();
        assertThat(config.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void ownerCollaboratorAndAdminMayReadIt() {
        String app = api.app();

        for (String token : api.users()) {
            assertThat(api.get(config(app), token).status()).isEqualTo(200);
        }
    }

    @Test
    void outsidersAreForbiddenAndAnonymousUnauthorized() {
        String app = api.app();

        Reply outsider = api.get(config(app), api.outsider);
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(detail(outsider)).isEqualTo("You do not have permission to perform this action.");
        assertThat(api.get(config(app), null).status()).isEqualTo(401);
        assertThat(api.post(config(app), api.outsider, "{\"values\": {\"A\": \"1\"}}").status()).isEqualTo(403);
        assertThat(api.post(config(app), null, "{\"values\": {\"A\": \"1\"}}").status()).isEqualTo(401);
    }

    @Test
    void anUnknownAppIs404() {
        assertThat(notFoundText(api.get(config("no-such-app"), api.owner)))
                .isEqualTo("No App matches the given query.");
        assertThat(notFoundText(api.post(config("no-such-app"), api.admin, "{\"values\": {\"A\": \"1\"}}")))
                .isEqualTo("No App matches the given query.");
    }

    @Test
    void setAnswers201WithValuesShownAsText() {
        String app = api.app();

        Reply reply = api.post(config(app), api.owner,
                "{\"values\": {\"FOO\": \"bar\", \"PORT\": 5000, \"DEBUG\": true, \"RATIO\": 1.5}}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode values = reply.json().get("values");
        assertThat(values.get("FOO").asText()).isEqualTo("bar");
        assertThat(values.get("PORT").isTextual()).isTrue();
        assertThat(values.get("PORT").asText()).isEqualTo("5000");
        assertThat(values.get("DEBUG").asText()).isEqualTo("True");
        assertThat(values.get("RATIO").asText()).isEqualTo("1.5");
        assertThat(api.get(config(app), api.collab).json().get("values")).isEqualTo(values);
    }

    @Test
    void collaboratorsAndAdminsMayChangeItAndBecomeItsOwner() {
        String app = api.app();

        Reply byCollaborator = api.post(config(app), api.collab, "{\"values\": {\"BY\": \"collab\"}}");
        Reply byAdmin = api.post(config(app), api.admin, "{\"values\": {\"BY\": \"admin\"}}");

        assertThat(byCollaborator.status()).isEqualTo(201);
        assertThat(byCollaborator.json().get("owner").asText()).isEqualTo("collab");
        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(byAdmin.json().get("owner").asText()).isEqualTo("admin");
        assertThat(api.get(config(app), api.owner).json().get("values").get("BY").asText()).isEqualTo("admin");
    }

    @Test
    void aFieldMayBeAStringHoldingAJsonObject() {
        String app = api.app();

        Reply reply = api.post(config(app), api.owner,
                "{\"values\": \"{\\\"FOO\\\": \\\"bar\\\"}\", \"memory\": \"{\\\"web\\\": \\\"1G\\\"}\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("values").get("FOO").asText()).isEqualTo("bar");
        assertThat(reply.json().get("memory").get("web").asText()).isEqualTo("1G");
    }

    @Test
    void aStringThatIsNotJsonIs400OnItsField() {
        String app = api.app();

        Reply reply = api.post(config(app), api.owner, "{\"values\": \"{not json\"}");

        assertThat(fieldError(reply, "values")).isEqualTo("Value must be valid JSON.");
    }

    @Test
    void everyFieldThatIsNotAnObjectIsReported() {
        String app = api.app();

        Reply reply = api.post(config(app), api.owner, "{\"values\": [1], \"cpu\": 3, \"tags\": \"[1]\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(fieldNames(reply.json())).containsExactlyInAnyOrder("values", "cpu", "tags");
        assertThat(fieldError(reply, "values")).isEqualTo("Expected a dictionary of items but got type \"list\".");
        assertThat(fieldError(reply, "cpu")).isEqualTo("Expected a dictionary of items but got type \"int\".");
    }

    @Test
    void aMalformedBodyIsOneParseError() {
        String app = api.app();

        Reply reply = api.post(config(app), api.owner, "{\"values\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(detail(reply)).startsWith("JSON parse error - ");
    }

    @Test
    void nullForAWholeFieldLeavesItAlone() {
        String app = api.app();
        api.post(config(app), api.owner, "{\"values\": {\"KEEP\": \"me\"}}");

        Reply reply = api.post(config(app), api.owner, "{\"values\": null, \"memory\": {\"web\": \"512M\"}}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("values").get("KEEP").asText()).isEqualTo("me");
        assertThat(reply.json().get("memory").get("web").asText()).isEqualTo("512M");
    }

    @Test
    void nullInsideAFieldUnsetsTheKeyAndUnsettingAMissingKeyIs422() {
        String app = api.app();
        api.post(config(app), api.owner, "{\"values\": {\"A\": \"1\", \"B\": \"2\"}}");

        Reply unset = api.post(config(app), api.owner, "{\"values\": {\"A\": null}}");
        Reply again = api.post(config(app), api.owner, "{\"values\": {\"A\": null}}");

        assertThat(unset.status()).isEqualTo(201);
        assertThat(fieldNames(unset.json().get("values"))).containsExactly("B");
        assertThat(again.status()).isEqualTo(422);
        assertThat(detail(again)).isEqualTo("A does not exist under values");
    }

    @Test
    void changingNothingIs409() {
        String app = api.app();
        api.post(config(app), api.owner, "{\"values\": {\"SAME\": \"1\"}}");

        Reply same = api.post(config(app), api.collab, "{\"values\": {\"SAME\": \"1\"}}");
        Reply empty = api.post(config(app), api.owner, "{}");

        assertThat(same.status()).isEqualTo(409);
        assertThat(detail(same)).isEqualTo("collab changed nothing - release stopped");
        assertThat(empty.status()).isEqualTo(409);
    }

    @Test
    void unknownFieldsAreIgnored() {
        String app = api.app();

        Reply reply = api.post(config(app), api.owner, "{\"values\": {\"X\": \"1\"}, \"colour\": \"blue\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().has("colour")).isFalse();
    }

    @Test
    void invalidValuesAre400OnTheirField() {
        String app = api.app();

        assertThat(fieldError(api.post(config(app), api.owner, "{\"values\": {\"FOO-BAR\": \"1\"}}"), "values"))
                .isEqualTo("Config keys must start with a letter or underscore and only contain [A-z0-9_]");
        assertThat(fieldError(api.post(config(app), api.owner, "{\"memory\": {\"web\": \"lots\"}}"), "memory"))
                .startsWith("Memory limit format");
    }

    @Test
    void aValueThatIsAnObjectOrAnArrayIs400AndStoresNothing() {
        String app = api.app();

        assertThat(fieldError(api.post(config(app), api.owner, "{\"values\": {\"A\": {\"b\": 1}}}"), "values"))
                .isEqualTo("A can only be a string, a number or a boolean, not an object");
        assertThat(fieldError(api.post(config(app), api.owner, "{\"values\": {\"B\": [1, 2]}}"), "values"))
                .isEqualTo("B can only be a string, a number or a boolean, not an array");
        assertThat(fieldError(api.post(config(app), api.owner, "{\"values\": \"{\\\"C\\\": [3]}\"}"), "values"))
                .isEqualTo("C can only be a string, a number or a boolean, not an array");

        assertThat(api.get(config(app), api.owner).json().get("values").size()).isZero();
        assertThat(api.get("/v2/apps/" + app + "/releases", api.owner).json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void aConfigBeyondAMebibyteIs400AndStoresNothing() {
        String app = api.app();
        assertThat(api.post(config(app), api.owner, ApiFixture.json("values",
                java.util.Map.of("FIRST", "a".repeat(600_000)))).status()).isEqualTo(201);

        Reply reply = api.post(config(app), api.owner, ApiFixture.json("values",
                java.util.Map.of("SECOND", "b".repeat(600_000))));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(detail(reply)).isEqualTo("This change would make the config take 1200011 bytes; a config may take"
                + " at most 1048576 (its keys and values as UTF-8 text), what one Kubernetes Secret holds");
        JsonNode values = api.get(config(app), api.owner).json().get("values");
        assertThat(PlatformFixture.fieldNames(values)).containsExactly("FIRST");
        assertThat(api.get("/v2/apps/" + app + "/releases", api.owner).json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void moreThanAThousandKeysIs400OnTheField() {
        String app = api.app();
        StringBuilder body = new StringBuilder("{\"values\": {");
        for (int i = 0; i <= 1000; i++) {
            body.append(i == 0 ? "" : ", ").append("\"K").append(i).append("\": \"v\"");
        }

        Reply reply = api.post(config(app), api.owner, body.append("}}").toString());

        assertThat(fieldError(reply, "values"))
                .isEqualTo("A config may hold at most 1000 keys under values; this change would make it 1001.");
        assertThat(api.get(config(app), api.owner).json().get("values").size()).isZero();
    }

    @Test
    void theHealthcheckKeepsItsShape() {
        String app = api.app();

        Reply reply = api.post(config(app), api.owner, "{\"healthcheck\": {\"web\": {\"livenessProbe\": "
                + "{\"httpGet\": {\"path\": \"/\", \"port\": 5000}, \"initialDelaySeconds\": 2}}}}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode probe = reply.json().get("healthcheck").get("web").get("livenessProbe");
        assertThat(probe.get("httpGet").get("port").isInt()).isTrue();
        assertThat(probe.get("initialDelaySeconds").asInt()).isEqualTo(2);
    }

    @Test
    void eachChangeMakesARelease() {
        String app = api.app();

        api.post(config(app), api.owner, "{\"values\": {\"HELLO\": \"world\"}}");

        JsonNode latest = api.get("/v2/apps/" + app + "/releases", api.owner).json().get("results").get(0);
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("summary").asText()).isEqualTo("owner added HELLO");
    }

    @Test
    void otherMethodsAre405() {
        String app = api.app();

        for (String method : new String[] {"PUT", "PATCH", "DELETE"}) {
            Reply reply = api.send(method, config(app), api.owner, "{}", "application/json");

            assertThat(reply.status()).as(method).isEqualTo(405);
            assertThat(detail(reply)).isEqualTo("Method \"" + method + "\" not allowed.");
        }
    }

    @Test
    void aTrailingSlashIsOptional() {
        String app = api.app();

        assertThat(api.get(config(app) + "/", api.owner).status()).isEqualTo(200);
        assertThat(api.post(config(app) + "/", api.owner, "{\"values\": {\"S\": \"1\"}}").status()).isEqualTo(201);
    }
}
