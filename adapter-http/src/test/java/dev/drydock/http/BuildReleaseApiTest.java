package dev.drydock.http;

import static dev.drydock.http.PlatformFixture.detail;
import static dev.drydock.http.PlatformFixture.fieldError;
import static dev.drydock.http.PlatformFixture.fieldNames;
import static dev.drydock.http.PlatformFixture.notFoundText;
import static dev.drydock.http.PlatformFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.http.ApiFixture.Reply;
import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.error.DrydockException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /v2/apps/{id}/builds and /v2/apps/{id}/releases: deploying, listing, and rolling back, for each role. */
class BuildReleaseApiTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String DATE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
    static PlatformFixture api;

    @BeforeAll
    static void start() {
        api = PlatformFixture.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String builds(String app) {
        return "/v2/apps/" + app + "/builds";
    }

    private static String releases(String app) {
        return "/v2/apps/" + app + "/releases";
    }

    private static Reply build(String app, String token, String image) {
        return api.post(builds(app), token, ApiFixture.json("image", image));
    }

    @Test
    void createAnswersTheBuildRepresentation() {
        String app = api.app();

        Reply reply = api.post(builds(app), api.owner, "{\"image\": \"example/shop:1\", \"sha\": "
                + "\"060da68f654e75fac06dbedd1995d5f8ad9084db\", \"procfile\": {\"web\": \"bin/web\"}}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode build = reply.json();
        assertThat(fieldNames(build)).containsExactly("uuid", "app", "owner", "image", "sha", "procfile",
                "dockerfile", "created", "updated");
        assertThat(build.get("uuid").asText()).matches(UUID);
        assertThat(build.get("app").asText()).isEqualTo(app);
        assertThat(build.get("owner").asText()).isEqualTo("owner");
        assertThat(build.get("image").asText()).isEqualTo("example/shop:1");
        assertThat(build.get("procfile").get("web").asText()).isEqualTo("bin/web");
        assertThat(build.get("dockerfile").asText()).isEmpty();
        assertThat(build.get("created").asText()).matches(DATE);
    }

    @Test
    void optionalFieldsDefaultToEmpty() {
        String app = api.app();

        JsonNode build = build(app, api.owner, "example/plain").json();

        assertThat(build.get("sha").asText()).isEmpty();
        assertThat(build.get("procfile").isObject()).isTrue();
        assertThat(build.get("procfile").size()).isZero();
        assertThat(build.get("dockerfile").asText()).isEmpty();
    }

    @Test
    void theProcfileMayBeAStringHoldingJson() {
        String app = api.app();

        Reply reply = api.post(builds(app), api.owner,
                "{\"image\": \"example/shop:1\", \"procfile\": \"{\\\"worker\\\": \\\"bin/work\\\"}\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("procfile").get("worker").asText()).isEqualTo("bin/work");
    }

    @Test
    void badBuildsAre400OnTheirFields() {
        String app = api.app();

        assertThat(fieldError(api.post(builds(app), api.owner, "{}"), "image")).isEqualTo("This field is required.");
        assertThat(fieldError(build(app, api.owner, ""), "image")).isEqualTo("This field may not be blank.");
        assertThat(fieldError(api.post(builds(app), api.owner,
                "{\"image\": \"x\", \"procfile\": {\"Worker_test\": \"run\"}}"), "procfile"))
                .isEqualTo("Process types can only contain lowercase alphanumeric characters");
        assertThat(fieldError(api.post(builds(app), api.owner, "{\"image\": \"x\", \"procfile\": [\"web\"]}"),
                "procfile")).isEqualTo("Expected a dictionary of items but got type \"list\".");
        assertThat(fieldError(api.post(builds(app), api.owner, "{\"image\": \"x\", \"procfile\": \"web: run\"}"),
                "procfile")).isEqualTo("Value must be valid JSON.");
        assertThat(fieldError(api.post(builds(app), api.owner, "{\"image\": {\"a\": 1}}"), "image"))
                .isEqualTo("Not a valid string.");
    }

    @Test
    void aProcfileCommandThatIsNotAStringIs400AndStoresNothing() {
        String app = api.app();

        for (String command : List.of("[\"bin/web\"]", "{\"run\": \"bin/web\"}", "5", "true")) {
            Reply reply = api.post(builds(app), api.owner,
                    "{\"image\": \"x\", \"procfile\": {\"web\": " + command + "}}");
            assertThat(fieldError(reply, "procfile")).as(command).isEqualTo("Command must be a string for process type web");
        }

        assertThat(api.get(builds(app), api.owner).json().get("count").asInt()).isZero();
        assertThat(api.get(releases(app), api.owner).json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void collaboratorsAndAdminsMayBuildOutsidersAndAnonymousMayNot() {
        String app = api.app();

        assertThat(build(app, api.collab, "example/by-collab").status()).isEqualTo(201);
        assertThat(build(app, api.admin, "example/by-admin").status()).isEqualTo(201);
        Reply outsider = build(app, api.outsider, "example/by-outsider");
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(detail(outsider)).isEqualTo("You do not have permission to perform this action.");
        assertThat(build(app, null, "example/anonymous").status()).isEqualTo(401);
        assertThat(notFoundText(build("no-such-app", api.owner, "x"))).isEqualTo("No App matches the given query.");
    }

    @Test
    void aFailedDeployIs400AndLeavesAFailedRelease() {
        String app = api.app();
        api.scheduler.failNext(Operation.DEPLOY, DrydockException.invalid("Boom!"));

        Reply reply = build(app, api.owner, "example/broken");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(detail(reply)).isEqualTo("(app::deploy): Boom!");
        JsonNode latest = api.get(releases(app), api.owner).json().get("results").get(0);
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("failed").asBoolean()).isTrue();
        assertThat(latest.get("exception").asText()).isEqualTo("error: (app::deploy): Boom!");
        assertThat(latest.get("summary").asText()).endsWith("which failed");
    }

    @Test
    void listIsPaginatedNewestFirstForEveryoneWhoMayUseTheApp() {
        String app = api.app();
        build(app, api.owner, "example/first");
        build(app, api.owner, "example/second");

        for (String token : api.users()) {
            Reply reply = api.get(builds(app), token);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(fieldNames(reply.json())).containsExactly("count", "next", "previous", "results");
            assertThat(reply.json().get("count").asInt()).isEqualTo(2);
            assertThat(texts(reply.json().get("results"), "image")).containsExactly("example/second", "example/first");
        }
        Reply page = api.get(builds(app) + "?limit=1", api.owner);
        assertThat(page.json().get("results").size()).isEqualTo(1);
        assertThat(page.json().get("next").asText()).endsWith(builds(app) + "?limit=1&offset=1");
        assertThat(api.get(builds(app), api.outsider).status()).isEqualTo(403);
        assertThat(api.get(builds(app), null).status()).isEqualTo(401);
        assertThat(notFoundText(api.get(builds("no-such-app"), api.owner)))
                .isEqualTo("No App matches the given query.");
    }

    @Test
    void oneBuildByUuid() {
        String app = api.app();
        String uuid = build(app, api.owner, "example/one").json().get("uuid").asText();

        Reply reply = api.get(builds(app) + "/" + uuid, api.collab);
        assertThat(api.get(builds(app) + "/" + uuid + "/", api.admin).status()).isEqualTo(200);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("uuid").asText()).isEqualTo(uuid);
        assertThat(notFoundText(api.get(builds(app) + "/00000000-0000-0000-0000-000000000000", api.owner)))
                .isEqualTo("No Build matches the given query.");
        assertThat(api.get(builds(app) + "/" + uuid, api.outsider).status()).isEqualTo(403);
        assertThat(api.get(builds(app) + "/" + uuid, null).status()).isEqualTo(401);
    }

    @Test
    void otherMethodsOnBuildsAre405() {
        String app = api.app();

        for (String method : new String[] {"PUT", "PATCH", "DELETE"}) {
            assertThat(api.send(method, builds(app), api.owner, "{}", "application/json").status()).as(method)
                    .isEqualTo(405);
        }
    }

    @Test
    void releasesShowEveryVersionNewestFirst() {
        String app = api.app();
        String build = build(app, api.owner, "example/shop:2").json().get("uuid").asText();

        Reply reply = api.get(releases(app), api.collab);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode results = reply.json().get("results");
        assertThat(reply.json().get("count").asInt()).isEqualTo(2);
        JsonNode latest = results.get(0);
        assertThat(fieldNames(latest)).containsExactly("uuid", "app", "owner", "version", "summary", "failed",
                "exception", "config", "build", "created", "updated");
        assertThat(latest.get("version").isInt()).isTrue();
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("summary").asText()).isEqualTo("owner deployed example/shop:2");
        assertThat(latest.get("failed").isBoolean()).isTrue();
        assertThat(latest.get("exception").isNull()).isTrue();
        assertThat(latest.get("build").asText()).isEqualTo(build);
        assertThat(latest.get("config").asText()).matches(UUID);
        JsonNode first = results.get(1);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("summary").asText()).isEqualTo("owner created initial release");
        assertThat(first.get("build").isNull()).isTrue();
    }

    @Test
    void releasesAreForEveryoneWhoMayUseTheApp() {
        String app = api.app();

        for (String token : api.users()) {
            Reply reply = api.get(releases(app), token);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(fieldNames(reply.json())).containsExactly("count", "next", "previous", "results");
        }
        assertThat(api.get(releases(app) + "/", api.owner).status()).isEqualTo(200);
        Reply outsider = api.get(releases(app), api.outsider);
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(detail(outsider)).isEqualTo("You do not have permission to perform this action.");
        assertThat(api.get(releases(app), null).status()).isEqualTo(401);
        assertThat(notFoundText(api.get(releases("no-such-app"), api.owner)))
                .isEqualTo("No App matches the given query.");
        assertThat(notFoundText(api.get(releases("no-such-app") + "/v1", api.owner)))
                .isEqualTo("No App matches the given query.");
    }

    @Test
    void oneReleaseByVersion() {
        String app = api.app();

        Reply reply = api.get(releases(app) + "/v1", api.admin);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("version").asInt()).isEqualTo(1);
        assertThat(api.get(releases(app) + "/v1/", api.owner).status()).isEqualTo(200);
        assertThat(notFoundText(api.get(releases(app) + "/v9", api.owner)))
                .isEqualTo("No Release matches the given query.");
        assertThat(notFoundText(api.get(releases(app) + "/v99999999999999", api.owner)))
                .isEqualTo("No Release matches the given query.");
        assertThat(api.get(releases(app) + "/v1", api.outsider).status()).isEqualTo(403);
        assertThat(api.get(releases(app) + "/v1", null).status()).isEqualTo(401);
    }

    @Test
    void aVersionWithoutItsVMatchesNoRoute() {
        String app = api.app();

        Reply reply = api.get(releases(app) + "/1", api.owner);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(detail(reply)).isEqualTo("Not found.");
    }

    @Test
    void releasesCannotBeWrittenDirectly() {
        String app = api.app();

        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(api.send(method, releases(app), api.owner, "{}", "application/json").status()).as(method)
                    .isEqualTo(405);
        }
    }

    @Test
    void rollbackByDefaultGoesToTheReleaseBeforeTheLatest() {
        String app = api.app();
        build(app, api.owner, "example/v2");
        build(app, api.owner, "example/v3");

        Reply reply = api.post(releases(app) + "/rollback", api.collab, null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.body()).isEqualTo("{\"version\":4}");
        JsonNode latest = api.get(releases(app) + "/v4", api.owner).json();
        assertThat(latest.get("summary").asText()).isEqualTo("collab rolled back to v2");
    }

    @Test
    void rollbackToAVersionGivenAsANumberOrText() {
        String app = api.app();
        build(app, api.owner, "example/v2");
        build(app, api.owner, "example/v3");

        Reply asNumber = api.post(releases(app) + "/rollback/", api.admin, "{\"version\": 2}");
        Reply asText = api.post(releases(app) + "/rollback", api.owner, "{\"version\": \"3\"}");

        assertThat(asNumber.status()).isEqualTo(201);
        assertThat(asNumber.json().get("version").asInt()).isEqualTo(4);
        assertThat(asText.status()).isEqualTo(201);
        assertThat(asText.json().get("version").asInt()).isEqualTo(5);
    }

    @Test
    void rollbackToABadVersionIs400() {
        String app = api.app();
        build(app, api.owner, "example/v2");
        String rollback = releases(app) + "/rollback";

        assertThat(detail(api.post(rollback, api.owner, "{\"version\": 1}")))
                .isEqualTo("Cannot roll back to initial release.");
        assertThat(detail(api.post(rollback, api.owner, "{\"version\": 0}"))).isEqualTo("version cannot be below 0");
        assertThat(detail(api.post(rollback, api.owner, "{\"version\": 42}")))
                .isEqualTo("Release matching query does not exist.");
        assertThat(detail(api.post(rollback, api.owner, "{\"version\": \"x\"}")))
                .isEqualTo("invalid literal for int() with base 10: 'x'");
        Reply list = api.post(rollback, api.owner, "{\"version\": [2]}");
        assertThat(list.status()).isEqualTo(400);
        assertThat(detail(list))
                .isEqualTo("int() argument must be a string, a bytes-like object or a number, not 'list'");
    }

    @Test
    void rollbackToAnEmptyVersionIs400AndANullVersionIsTheDefault() {
        String app = api.app();
        build(app, api.owner, "example/v2");
        build(app, api.owner, "example/v3");
        String rollback = releases(app) + "/rollback";

        Reply empty = api.post(rollback, api.owner, "{\"version\": \"\"}");
        assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        assertThat(detail(empty)).isEqualTo("invalid literal for int() with base 10: ''");

        Reply none = api.post(rollback, api.owner, "{\"version\": null}");
        assertThat(none.status()).as(none.body()).isEqualTo(201);
        assertThat(api.get(releases(app) + "/v4", api.owner).json().get("summary").asText())
                .isEqualTo("owner rolled back to v2");
    }

    @Test
    void rollbackToAHugeOrFractionalVersionIsReadAsPythonsIntWould() {
        String app = api.app();
        build(app, api.owner, "example/v2");
        build(app, api.owner, "example/v3");
        String rollback = releases(app) + "/rollback";

        Reply huge = api.post(rollback, api.owner, "{\"version\": 1e999999999}");
        assertThat(huge.status()).as(huge.body()).isEqualTo(400);
        Reply beyond = api.post(rollback, api.owner, "{\"version\": 1e30}");
        assertThat(beyond.status()).as(beyond.body()).isEqualTo(400);
        assertThat(detail(beyond)).isEqualTo("Release matching query does not exist.");

        Reply fraction = api.post(rollback, api.owner, "{\"version\": 2.9}");
        assertThat(fraction.status()).as(fraction.body()).isEqualTo(201);
        assertThat(api.get(releases(app) + "/v4", api.owner).json().get("summary").asText())
                .isEqualTo("owner rolled back to v2");
    }

    @Test
    void rollbackChecksTheAppAndTheCallerBeforeTheVersion() {
        String app = api.app();
        build(app, api.owner, "example/v2");

        for (String body : new String[] {"{\"version\": \"x\"}", "{\"version\": [2]}", "{\"version\": {}}"}) {
            assertThat(notFoundText(api.post("/v2/apps/nope/releases/rollback", api.owner, body)))
                    .isEqualTo("No App matches the given query.");
            assertThat(api.post(releases(app) + "/rollback", api.outsider, body).status()).as(body).isEqualTo(403);
        }
        Reply dict = api.post(releases(app) + "/rollback", api.owner, "{\"version\": {}}");
        assertThat(dict.status()).isEqualTo(400);
        assertThat(detail(dict))
                .isEqualTo("int() argument must be a string, a bytes-like object or a number, not 'dict'");
    }

    @Test
    void rollbackToAReleaseWithoutABuildIs400AndLeavesAFailedRelease() {
        String app = api.app();
        api.post("/v2/apps/" + app + "/config", api.owner, "{\"values\": {\"A\": \"1\"}}");
        build(app, api.owner, "example/v3");

        Reply reply = api.post(releases(app) + "/rollback", api.collab, "{\"version\": 2}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"detail\":\"No build associated with this release\"}");
        JsonNode latest = api.get(releases(app), api.owner).json().get("results").get(0);
        assertThat(latest.get("version").asInt()).isEqualTo(4);
        assertThat(latest.get("failed").asBoolean()).isTrue();
        assertThat(latest.get("build").isNull()).isTrue();
        assertThat(latest.get("summary").asText()).isEqualTo("owner performed roll back to a release that failed");
        assertThat(latest.get("exception").asText()).isEqualTo("error: No build associated with this release");
        JsonNode pods = api.get("/v2/apps/" + app + "/pods", api.owner).json().get("results");
        assertThat(texts(pods, "release")).containsExactly("v3");
    }

    @Test
    void rollbackIsForThoseWhoMayUseTheApp() {
        String app = api.app();
        build(app, api.owner, "example/v2");
        build(app, api.owner, "example/v3");

        assertThat(api.post(releases(app) + "/rollback", api.outsider, "{}").status()).isEqualTo(403);
        assertThat(api.post(releases(app) + "/rollback", null, "{}").status()).isEqualTo(401);
        assertThat(notFoundText(api.post("/v2/apps/no-such-app/releases/rollback", api.owner, "{}")))
                .isEqualTo("No App matches the given query.");
        assertThat(api.get(releases(app) + "/rollback", api.owner).status()).isEqualTo(405);
    }
}
