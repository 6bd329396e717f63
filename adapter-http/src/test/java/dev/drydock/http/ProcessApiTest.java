package dev.drydock.http;

import static dev.drydock.http.PlatformFixture.detail;
import static dev.drydock.http.PlatformFixture.fieldNames;
import static dev.drydock.http.PlatformFixture.notFoundText;
import static dev.drydock.http.PlatformFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.http.ApiFixture.Reply;
import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.RunResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scale, pods, restarts, one-off commands and logs of an app, for each role. */
class ProcessApiTest {
    /** How upstream stamps an event line: UTC, to the second. */
    private static final String EVENT_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
    static PlatformFixture api;

    @BeforeAll
    static void start() {
        api = PlatformFixture.start((plan, command) -> command.startsWith("fail")
                ? new RunResult(3, "failed in " + plan.release().name() + "\n")
                : new RunResult(0, "ran " + command + " in " + plan.release().name() + "\n"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String path(String app, String rest) {
        return "/v2/apps/" + app + "/" + rest;
    }

    private static JsonNode pods(String app, String rest) {
        Reply reply = api.get(path(app, rest), api.owner);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void scaleAnswers204AndRunsTheCountsAsked() {
        String app = api.deployedApp();

        Reply reply = api.post(path(app, "scale"), api.owner, "{\"web\": 3, \"worker\": \"2\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(api.scheduler.running(app)).containsEntry("web", 3).containsEntry("worker", 2);
        assertThat(api.get("/v2/apps/" + app, api.owner).json().get("structure").get("web").asInt()).isEqualTo(3);
    }

    @Test
    void collaboratorsAndAdminsMayScaleOutsidersAndAnonymousMayNot() {
        String app = api.deployedApp();

        assertThat(api.post(path(app, "scale"), api.collab, "{\"web\": 2}").status()).isEqualTo(204);
        assertThat(api.post(path(app, "scale/"), api.admin, "{\"worker\": 1}").status()).isEqualTo(204);
        assertThat(api.post(path(app, "scale"), api.outsider, "{\"web\": 0}").status()).isEqualTo(403);
        assertThat(api.post(path(app, "scale"), null, "{\"web\": 0}").status()).isEqualTo(401);
        assertThat(notFoundText(api.post(path("no-such-app", "scale"), api.owner, "{\"web\": 1}")))
                .isEqualTo("No App matches the given query.");
        assertThat(api.scheduler.running(app)).containsEntry("web", 2).containsEntry("worker", 1);
    }

    @Test
    void badScaleRequests() {
        String app = api.deployedApp();
        String scale = path(app, "scale");

        assertThat(detail(api.post(path(api.app(), "scale"), api.owner, "{\"web\": 1}")))
                .isEqualTo("No build associated with this release");
        Reply notANumber = api.post(scale, api.owner, "{\"web\": \"not_an_int\"}");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(detail(notANumber))
                .isEqualTo("Invalid scaling format: invalid literal for int() with base 10: 'not_an_int'");
        assertThat(detail(api.post(scale, api.owner, "{\"web\": -1}")))
                .isEqualTo("Invalid scaling format: ['Must be greater than or equal to zero']");
        Reply unknownType = api.post(scale, api.owner, "{\"db\": 1}");
        assertThat(unknownType.status()).isEqualTo(404);
        assertThat(detail(unknownType)).isEqualTo("Container type db does not exist in application");
        Reply notAnObject = api.post(scale, api.owner, "[1]");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(detail(notAnObject)).startsWith("JSON parse error - ");
        assertThat(api.get(scale, api.owner).status()).isEqualTo(405);
    }

    @Test
    void aCountAboveTheLimitPerTypeIs400AndNeitherStoredNorScheduled() {
        String app = api.deployedApp();
        JsonNode before = api.get("/v2/apps/" + app, api.owner).json().get("structure");

        for (String huge : List.of("2147483647", "1000000", "101", "\"99999999999999999999\"")) {
            Reply reply = api.post(path(app, "scale"), api.owner, "{\"web\": " + huge + "}");
            assertThat(reply.status()).as(huge + ": " + reply.body()).isEqualTo(400);
            assertThat(detail(reply)).isEqualTo("Invalid scaling format: ['Ensure this value is less than or equal to 100.']");
        }

        assertThat(api.get("/v2/apps/" + app, api.owner).json().get("structure")).isEqualTo(before);
        assertThat(api.scheduler.running(app)).isEqualTo(Map.of("web", 1));
        assertThat(api.post(path(app, "scale"), api.owner, "{\"web\": 100}").status()).isEqualTo(204);
        assertThat(api.scheduler.running(app)).isEqualTo(Map.of("web", 100));
    }

    @Test
    void aCountThatIsAFractionOrABooleanIs400AndChangesNothing() {
        String app = api.deployedApp();
        String scale = path(app, "scale");
        JsonNode before = api.get("/v2/apps/" + app, api.owner).json().get("structure");

        Reply fraction = api.post(scale, api.owner, "{\"web\": 1.5}");
        assertThat(fraction.status()).as(fraction.body()).isEqualTo(400);
        assertThat(detail(fraction)).isEqualTo("Invalid scaling format: the count of web must be a whole number, not 1.5");
        Reply bool = api.post(scale, api.owner, "{\"worker\": true}");
        assertThat(bool.status()).as(bool.body()).isEqualTo(400);
        assertThat(detail(bool)).isEqualTo("Invalid scaling format: the count of worker must be a whole number, not true");

        assertThat(api.get("/v2/apps/" + app, api.owner).json().get("structure")).isEqualTo(before);
        assertThat(api.scheduler.running(app)).isEqualTo(Map.of("web", 1));
        assertThat(api.post(scale, api.owner, "{\"web\": 2.0}").status()).isEqualTo(204);
        assertThat(api.scheduler.running(app)).isEqualTo(Map.of("web", 2));
    }

    @Test
    void aSchedulerFailureWhileScalingIs503() {
        String app = api.deployedApp();
        api.scheduler.failNext(Operation.SCALE, DrydockException.unavailable("cluster is away"));

        Reply reply = api.post(path(app, "scale"), api.owner, "{\"web\": 4}");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(detail(reply)).isEqualTo("(scale): cluster is away");
    }

    @Test
    void podsAreListedWithACountForEveryoneWhoMayUseTheApp() {
        String app = api.deployedApp();
        api.post(path(app, "scale"), api.owner, "{\"web\": 2, \"worker\": 1}");

        for (String token : api.users()) {
            Reply reply = api.get(path(app, "pods"), token);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(fieldNames(reply.json())).containsExactly("count", "results");
            assertThat(reply.json().get("count").asInt()).isEqualTo(3);
        }
        JsonNode pod = pods(app, "pods").get("results").get(0);
        assertThat(fieldNames(pod)).containsExactly("name", "state", "release", "type", "started");
        assertThat(pod.get("name").asText()).matches(app + "-(web|worker)-[0-9]{7,10}-[a-z0-9]{5}");
        assertThat(pod.get("state").asText()).isEqualTo("up");
        assertThat(pod.get("release").asText()).isEqualTo("v2");
        assertThat(pod.get("started").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(api.get(path(app, "pods"), api.outsider).status()).isEqualTo(403);
        assertThat(api.get(path(app, "pods"), null).status()).isEqualTo(401);
        assertThat(notFoundText(api.get(path("no-such-app", "pods"), api.owner)))
                .isEqualTo("No App matches the given query.");
    }

    @Test
    void podsOfOneTypeAndOneByName() {
        String app = api.deployedApp();
        api.post(path(app, "scale"), api.owner, "{\"web\": 2, \"worker\": 1}");

        JsonNode web = pods(app, "pods/web/");
        assertThat(web.get("count").asInt()).isEqualTo(2);
        assertThat(texts(web.get("results"), "type")).containsOnly("web");
        String name = web.get("results").get(0).get("name").asText();
        JsonNode one = pods(app, "pods/web/" + name);
        assertThat(one.get("count").asInt()).isEqualTo(1);
        assertThat(one.get("results").get(0).get("name").asText()).isEqualTo(name);
        assertThat(pods(app, "pods/web/" + app + "-web-0000000000-zzzzz").get("count").asInt()).isZero();
        assertThat(pods(app, "pods/db.v2").get("count").asInt()).isZero();
        assertThat(api.get(path(app, "pods/web"), api.collab).status()).isEqualTo(200);
        assertThat(api.get(path(app, "pods/web/" + name), api.outsider).status()).isEqualTo(403);
        assertThat(api.get(path(app, "pods/web/" + name), null).status()).isEqualTo(401);
    }

    @Test
    void anAppWithoutABuildHasNoPods() {
        String app = api.app();

        assertThat(pods(app, "pods").get("count").asInt()).isZero();
    }

    @Test
    void restartingAllPodsAnswersTheNewOnesAsABareArray() {
        String app = api.deployedApp();
        api.post(path(app, "scale"), api.owner, "{\"web\": 2, \"worker\": 1}");
        List<String> before = texts(pods(app, "pods").get("results"), "name");

        Reply reply = api.post(path(app, "pods/restart"), api.collab, null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().isArray()).isTrue();
        assertThat(reply.json().size()).isEqualTo(3);
        assertThat(fieldNames(reply.json().get(0))).containsExactly("name", "state", "release", "type", "started");
        assertThat(texts(reply.json(), "name")).doesNotContainAnyElementsOf(before);
        assertThat(texts(pods(app, "pods").get("results"), "name"))
                .containsExactlyInAnyOrderElementsOf(texts(reply.json(), "name"));
    }

    @Test
    void restartingOneTypeOrOnePod() {
        String app = api.deployedApp();
        api.post(path(app, "scale"), api.owner, "{\"web\": 2, \"worker\": 1}");

        Reply workers = api.post(path(app, "pods/worker/restart"), api.admin, null);
        assertThat(workers.status()).isEqualTo(200);
        assertThat(texts(workers.json(), "type")).containsExactly("worker");

        String name = pods(app, "pods/web").get("results").get(0).get("name").asText();
        Reply one = api.post(path(app, "pods/web/" + name + "/restart/"), api.owner, null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().size()).isEqualTo(1);
        assertThat(texts(pods(app, "pods/web").get("results"), "name")).doesNotContain(name);

        String shortName = pods(app, "pods/web").get("results").get(0).get("name").asText()
                .substring(app.length() + 1);
        assertThat(api.post(path(app, "pods/web/" + shortName + "/restart"), api.owner, null).json().size())
                .isEqualTo(1);
        assertThat(api.post(path(app, "pods/db/restart"), api.owner, null).body()).isEqualTo("[]");
    }

    @Test
    void restartingIsForThoseWhoMayUseTheApp() {
        String app = api.deployedApp();

        assertThat(api.post(path(app, "pods/restart"), api.outsider, null).status()).isEqualTo(403);
        assertThat(api.post(path(app, "pods/web/restart"), null, null).status()).isEqualTo(401);
        assertThat(notFoundText(api.post(path("no-such-app", "pods/restart"), api.owner, null)))
                .isEqualTo("No App matches the given query.");
        assertThat(api.send("PUT", path(app, "pods"), api.owner, "{}", "application/json").status())
                .isEqualTo(405);
    }

    @Test
    void runAnswersTheExitCodeAndOutput() {
        String app = api.deployedApp();

        Reply reply = api.post(path(app, "run"), api.collab, ApiFixture.json("command", "echo hi"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(fieldNames(reply.json())).containsExactly("exit_code", "output");
        assertThat(reply.json().get("exit_code").asInt()).isZero();
        assertThat(reply.json().get("output").asText()).isEqualTo("ran echo hi in v2\n");
        Reply failed = api.post(path(app, "run/"), api.admin, ApiFixture.json("command", "fail now"));
        assertThat(failed.json().get("exit_code").asInt()).isEqualTo(3);
        assertThat(api.post(path(app, "run"), api.owner, ApiFixture.json("command", "ls")).status()).isEqualTo(200);
    }

    @Test
    void badRunRequests() {
        String app = api.deployedApp();

        assertThat(detail(api.post(path(app, "run"), api.owner, "{}"))).isEqualTo("command is a required field");
        assertThat(api.post(path(app, "run"), api.owner, ApiFixture.json("command", "")).status()).isEqualTo(400);
        Reply blanks = api.post(path(app, "run"), api.owner, ApiFixture.json("command", "   "));
        assertThat(blanks.status()).as(blanks.body()).isEqualTo(200);
        Reply noBuild = api.post(path(api.app(), "run"), api.owner, ApiFixture.json("command", "ls"));
        assertThat(noBuild.status()).isEqualTo(400);
        assertThat(detail(noBuild)).isEqualTo("No build associated with this release to run this command");
        assertThat(api.post(path(app, "run"), api.outsider, ApiFixture.json("command", "ls")).status())
                .isEqualTo(403);
        assertThat(api.post(path(app, "run"), null, ApiFixture.json("command", "ls")).status()).isEqualTo(401);
        assertThat(notFoundText(api.post(path("no-such-app", "run"), api.owner, ApiFixture.json("command", "ls"))))
                .isEqualTo("No App matches the given query.");
        assertThat(api.get(path(app, "run"), api.owner).status()).isEqualTo(405);
    }

    @Test
    void aCommandThatIsNotAStringIs400() {
        String app = api.deployedApp();

        for (String command : List.of("123", "true", "[\"ls\", \"-l\"]", "{\"sh\": \"ls\"}")) {
            Reply reply = api.post(path(app, "run"), api.owner, "{\"command\": " + command + "}");
            assertThat(reply.status()).as(command + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.json().get("command").get(0).asText()).as(command).isEqualTo("Not a valid string.");
        }
        assertThat(api.get(path(app, "logs"), api.owner).body()).doesNotContain(" runs ");
    }

    @Test
    void logsArePlainText() {
        String app = api.deployedApp();
        api.post(path(app, "scale"), api.owner, "{\"web\": 2}");

        for (String token : api.users()) {
            Reply reply = api.get(path(app, "logs"), token);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("text/plain");
            assertThat(reply.body()).contains("owner deployed example/shop:1\n").endsWith("owner scaled pods web=2\n");
        }
    }

    @Test
    void logLinesLimitsTheLines() {
        String app = api.deployedApp();
        api.post(path(app, "scale"), api.owner, "{\"web\": 2}");

        Reply reply = api.get(path(app, "logs?log_lines=1"), api.owner);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).matches(EVENT_TIME + " drycc\\[api\\]: owner scaled pods web=2\n");
    }

    @Test
    void eachEventLineCarriesItsTimeAndSource() {
        String app = api.app();

        Reply first = api.get(path(app, "logs"), api.owner);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().lines().toList()).hasSize(2).first().asString()
                .matches("^" + EVENT_TIME + " drycc\\[api\\]: owner created initial release$");
        assertThat(first.body()).endsWith(" drycc[api]: User collab was granted access to " + app + "\n");

        api.log.record(app, Instant.parse("2016-09-02T16:51:14.250Z"), "test scaled pods web=2");
        Reply reply = api.get(path(app, "logs?log_lines=1"), api.owner);

        assertThat(reply.body()).isEqualTo("2016-09-02T16:51:14Z drycc[api]: test scaled pods web=2\n");
    }

    @Test
    void logsMayBeAskedForAsJson() {
        String app = api.deployedApp();

        Reply reply = api.send("GET", path(app, "logs"), api.owner, null, null,
                Map.of("Accept", "application/json"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
    }

    @Test
    void noLogLinesIs204() {
        String app = api.app();
        api.log.forget(app);

        Reply reply = api.get(path(app, "logs"), api.owner);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void badLogRequestsAreJsonErrors() {
        String app = api.deployedApp();

        Reply notANumber = api.get(path(app, "logs?log_lines=many"), api.owner);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.header("Content-Type")).startsWith("application/json");
        assertThat(detail(notANumber)).isEqualTo("log_lines must be a whole number");
        Reply outsider = api.get(path(app, "logs"), api.outsider);
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(outsider.header("Content-Type")).startsWith("application/json");
        assertThat(api.get(path(app, "logs"), null).status()).isEqualTo(401);
        Reply askingForText = api.send("GET", path(app, "logs"), api.outsider, null, null,
                Map.of("Accept", "text/plain"));
        assertThat(askingForText.status()).isEqualTo(403);
        assertThat(detail(askingForText)).isEqualTo("You do not have permission to perform this action.");
        assertThat(notFoundText(api.get(path("no-such-app", "logs"), api.owner)))
                .isEqualTo("No App matches the given query.");
        assertThat(api.post(path(app, "logs"), api.owner, "{}").status()).isEqualTo(405);
    }
}
