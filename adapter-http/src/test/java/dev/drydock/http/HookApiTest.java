package dev.drydock.http;

import static dev.drydock.http.PlatformFixture.BUILDER_KEY;
import static dev.drydock.http.PlatformFixture.detail;
import static dev.drydock.http.PlatformFixture.fieldError;
import static dev.drydock.http.PlatformFixture.fieldNames;
import static dev.drydock.http.PlatformFixture.notFoundText;
import static dev.drydock.http.PlatformFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.core.Settings;
import dev.drydock.http.ApiFixture.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /v2/hooks: what the builder asks while a user pushes, authenticated by the shared builder key. */
class HookApiTest {
    static PlatformFixture api;
    static String ownerKey;
    static String ownerFingerprint;
    static String collabFingerprint;

    @BeforeAll
    static void start() {
        api = PlatformFixture.start();
        ownerKey = KeysApiTest.publicKey();
        Reply owner = api.post("/v2/keys", api.owner, ApiFixture.json("id", "owner@laptop", "public", ownerKey));
        assertThat(owner.status()).as(owner.body()).isEqualTo(201);
        ownerFingerprint = owner.json().get("fingerprint").asText();
        Reply collab = api.post("/v2/keys", api.collab,
                ApiFixture.json("id", "collab@laptop", "public", KeysApiTest.publicKey()));
        collabFingerprint = collab.json().get("fingerprint").asText();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static Reply hook(String method, String path, String body, Map<String, String> headers) {
        return api.send(method, path, null, body, body == null ? null : "application/json", headers);
    }

    private static Reply get(String path) {
        return hook("GET", path, null, Map.of("X-Drycc-Builder-Auth", BUILDER_KEY));
    }

    private static Reply post(String path, String body) {
        return hook("POST", path, body, Map.of("X-Drycc-Builder-Auth", BUILDER_KEY));
    }

    @Test
    void keyOwnerNamesTheUserAndTheAppsTheyMayPushTo() {
        String app = api.app();

        Reply reply = get("/v2/hooks/key/" + ownerFingerprint);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(fieldNames(reply.json())).containsExactly("username", "apps");
        assertThat(reply.json().get("username").asText()).isEqualTo("owner");
        assertThat(reply.json().get("apps").toString()).contains("\"" + app + "\"");
        assertThat(notFoundText(get("/v2/hooks/key/00:11:22"))).isEqualTo("No Key matches the given query.");
    }

    @Test
    void theDeisHeaderWorksToo() {
        Reply reply = hook("GET", "/v2/hooks/key/" + ownerFingerprint, null,
                Map.of("X-Deis-Builder-Auth", BUILDER_KEY));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void aMissingOrWrongBuilderKeyIs401() {
        Reply missing = hook("GET", "/v2/hooks/key/" + ownerFingerprint, null, Map.of());
        Reply wrong = hook("GET", "/v2/hooks/key/" + ownerFingerprint, null,
                Map.of("X-Drycc-Builder-Auth", "guess"));
        Reply userToken = api.get("/v2/hooks/key/" + ownerFingerprint, api.admin);

        assertThat(missing.status()).isEqualTo(401);
        assertThat(detail(missing)).isEqualTo("Authentication credentials were not provided.");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(userToken.status()).isEqualTo(401);
        assertThat(hook("POST", "/v2/hooks/build", "{}", Map.of("X-Drycc-Builder-Auth", "guess")).status())
                .isEqualTo(401);
        assertThat(hook("POST", "/v2/hooks/config", "{}", Map.of()).status()).isEqualTo(401);
        assertThat(hook("GET", "/v2/hooks/keys/any-app", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void hooksAreClosedWithoutAConfiguredBuilderKey() {
        try (PlatformFixture closed = PlatformFixture.start(Settings.defaults(), null)) {
            Reply reply = closed.send("GET", "/v2/hooks/keys/any-app", null, null, null,
                    Map.of("X-Drycc-Builder-Auth", BUILDER_KEY));

            assertThat(reply.status()).isEqualTo(403);
        }
    }

    @Test
    void appKeysListsTheKeysOfEveryoneWhoMayPush() {
        String app = api.app();

        Reply reply = get("/v2/hooks/keys/" + app);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode byUser = reply.json();
        assertThat(fieldNames(byUser)).containsExactly("collab", "owner");
        JsonNode key = byUser.get("owner").get(0);
        assertThat(fieldNames(key)).containsExactly("key", "fingerprint");
        assertThat(key.get("key").asText()).isEqualTo(ownerKey);
        assertThat(key.get("fingerprint").asText()).isEqualTo(ownerFingerprint);
        assertThat(texts(byUser.get("collab"), "fingerprint")).containsExactly(collabFingerprint);
        assertThat(notFoundText(get("/v2/hooks/keys/no-such-app"))).isEqualTo("No App matches the given query.");
    }

    @Test
    void userKeysForOneUserWhoMayPush() {
        String app = api.app();

        Reply reply = get("/v2/hooks/keys/" + app + "/collab/");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(fieldNames(reply.json())).containsExactly("collab");
        assertThat(texts(reply.json().get("collab"), "fingerprint")).containsExactly(collabFingerprint);
        assertThat(get("/v2/hooks/keys/" + app + "/outsider").status()).isEqualTo(403);
        assertThat(notFoundText(get("/v2/hooks/keys/" + app + "/nobody")))
                .isEqualTo("No User matches the given query.");
        Reply noKeys = get("/v2/hooks/keys/" + app + "/admin");
        assertThat(noKeys.status()).isEqualTo(404);
        assertThat(detail(noKeys)).isEqualTo("No Keys match the given query.");
    }

    @Test
    void buildReleasesAndDeploysForThePushingUser() {
        String app = api.app();

        Reply reply = post("/v2/hooks/build", ApiFixture.json("receive_user", "collab", "receive_repo", app,
                "image", "registry.local/" + app + ":git-abc1234", "sha", "abc1234def",
                "procfile", Map.of("web", "bin/web")));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"release\":{\"version\":2}}");
        JsonNode build = api.get("/v2/apps/" + app + "/builds", api.owner).json().get("results").get(0);
        assertThat(build.get("owner").asText()).isEqualTo("collab");
        assertThat(build.get("sha").asText()).isEqualTo("abc1234def");
        assertThat(api.scheduler.running(app)).containsEntry("web", 1);
    }

    @Test
    void badBuildPushes() {
        String app = api.app();

        Reply outsider = post("/v2/hooks/build", ApiFixture.json("receive_user", "outsider", "receive_repo", app,
                "image", "x"));
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(notFoundText(post("/v2/hooks/build", ApiFixture.json("receive_user", "owner",
                "receive_repo", "no-such-app", "image", "x")))).isEqualTo("No App matches the given query.");
        assertThat(fieldError(post("/v2/hooks/build", ApiFixture.json("receive_repo", app, "image", "x")),
                "receive_user")).isEqualTo("This field is required.");
        assertThat(fieldError(post("/v2/hooks/build", ApiFixture.json("receive_user", "owner", "receive_repo", app)),
                "image")).isEqualTo("This field is required.");
        assertThat(get("/v2/hooks/build").status()).isEqualTo(405);
    }

    @Test
    void configAnswersTheConfigToBuildWith() {
        String app = api.app();
        api.post("/v2/apps/" + app + "/config", api.owner, "{\"values\": {\"PORT\": 5000}}");

        Reply reply = post("/v2/hooks/config", ApiFixture.json("receive_user", "collab", "receive_repo", app));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("app").asText()).isEqualTo(app);
        assertThat(reply.json().get("values").get("PORT").asText()).isEqualTo("5000");
        assertThat(post("/v2/hooks/config", ApiFixture.json("receive_user", "outsider", "receive_repo", app))
                .status()).isEqualTo(403);
        assertThat(fieldError(post("/v2/hooks/config", ApiFixture.json("receive_user", "owner")), "receive_repo"))
                .isEqualTo("This field is required.");
    }
}
