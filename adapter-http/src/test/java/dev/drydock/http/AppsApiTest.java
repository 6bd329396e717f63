package dev.drydock.http;

import static dev.drydock.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.http.ApiFixture.Reply;
import dev.drydock.inmemory.SimulatedScheduler.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /v2/apps for each role: owner, collaborator, admin, outsider, anonymous. */
class AppsApiTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    static ApiFixture api;
    static String admin;
    static String owner;
    static String collab;
    static String outsider;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        admin = api.user("admin");
        owner = api.user("owner");
        collab = api.user("collab");
        outsider = api.user("outsider");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** A new app of the owner, shared with the collaborator. */
    private static String sharedApp() {
        String id = "app-" + NEXT.incrementAndGet();
        assertThat(api.post("/v2/apps", owner, json("id", id)).status()).isEqualTo(201);
        assertThat(api.post("/v2/apps/" + id + "/perms", owner, json("username", "collab")).status()).isEqualTo(201);
        return id;
    }

    @Test
    void createAnswersTheAppRepresentation() {
        Reply reply = api.post("/v2/apps", owner, json("id", "fresh-app"));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode app = reply.json();
        assertThat(fieldNames(app)).containsExactly("uuid", "id", "owner", "structure", "procfile_structure",
                "created", "updated");
        assertThat(app.get("id").asText()).isEqualTo("fresh-app");
        assertThat(app.get("owner").asText()).isEqualTo("owner");
        assertThat(app.get("uuid").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(app.get("structure").isObject()).isTrue();
        assertThat(app.get("procfile_structure").isObject()).isTrue();
        assertThat(app.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void createWithoutAnIdGeneratesOne() {
        Reply empty = api.send("POST", "/v2/apps", owner, null, null);
        Reply nullId = api.post("/v2/apps", owner, "{\"id\": null}");

        assertThat(empty.status()).isEqualTo(201);
        assertThat(empty.json().get("id").asText()).matches("[a-z]+-[a-z]+");
        assertThat(nullId.status()).isEqualTo(201);
    }

    @Test
    void createRefusesBadAndTakenIds() {
        Reply bad = api.post("/v2/apps", owner, json("id", "Bad_Name"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("id").isArray()).isTrue();

        api.post("/v2/apps", owner, json("id", "taken-app"));
        Reply taken = api.post("/v2/apps", outsider, json("id", "taken-app"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("id").get(0).asText()).isEqualTo("Application with this id already exists.");

        Reply blank = api.post("/v2/apps", owner, json("id", ""));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("id").get(0).asText()).isEqualTo("This field may not be blank.");
    }

    @Test
    void anIdTakenByARequestThatRacedThisOneIsRefusedAsATakenIdIs() {
        String id = "raced-" + NEXT.incrementAndGet();
        // the other request makes the app after this one checked the id, before it asks the cluster
        api.scheduler.beforeNext(Operation.EXISTS, id,
                () -> api.core.apps().create(api.core.accounts().authenticate(outsider), Optional.of(id)));

        Reply raced = api.post("/v2/apps", owner, json("id", id));

        assertThat(raced.status()).as(raced.body()).isEqualTo(400);
        assertThat(raced.body()).isEqualTo("{\"id\":[\"Application with this id already exists.\"]}");
        Reply after = api.post("/v2/apps", owner, json("id", id));
        assertThat(after.status()).isEqualTo(raced.status());
        assertThat(after.body()).isEqualTo(raced.body());
        assertThat(api.get("/v2/apps/" + id, outsider).json().get("owner").asText()).isEqualTo("outsider");
    }

    @Test
    void createNeedsAuthentication() {
        assertThat(api.post("/v2/apps", null, json("id", "anon-app")).status()).isEqualTo(401);
    }

    @Test
    void listShowsOwnAndSharedAppsAndAdminsSeeAll() {
        String shared = sharedApp();
        String outsiders = "outsiders-" + NEXT.incrementAndGet();
        api.post("/v2/apps", outsider, json("id", outsiders));

        assertThat(ids(api.get("/v2/apps", owner))).contains(shared).doesNotContain(outsiders);
        assertThat(ids(api.get("/v2/apps", collab))).contains(shared).doesNotContain(outsiders);
        assertThat(ids(api.get("/v2/apps", outsider))).contains(outsiders).doesNotContain(shared);
        assertThat(ids(api.get("/v2/apps", admin))).contains(shared, outsiders);
        assertThat(api.get("/v2/apps", null).status()).isEqualTo(401);
    }

    @Test
    void listIsPaginatedAndOrderedById() {
        Reply reply = api.get("/v2/apps", admin);

        JsonNode page = reply.json();
        assertThat(fieldNames(page)).containsExactly("count", "next", "previous", "results");
        List<String> ids = ids(reply);
        assertThat(ids).isSorted();
        assertThat(page.get("count").asInt()).isEqualTo(ids.size());
    }

    @Test
    void detailIsForOwnerCollaboratorAndAdmin() {
        String id = sharedApp();

        for (String token : List.of(owner, collab, admin)) {
            Reply reply = api.get("/v2/apps/" + id, token);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("id").asText()).isEqualTo(id);
        }
        Reply outside = api.get("/v2/apps/" + id, outsider);
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("detail").asText())
                .isEqualTo("You do not have permission to perform this action.");
        assertThat(api.get("/v2/apps/" + id, null).status()).isEqualTo(401);
        assertThat(api.get("/v2/apps/" + id + "/", owner).status()).isEqualTo(200);
    }

    @Test
    void aMissingAppIsABare404String() {
        Reply reply = api.get("/v2/apps/no-such-app", owner);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("\"No App matches the given query.\"");
    }

    @Test
    void theOwnerTransfersAnAppWithAnEmptyAnswer() {
        String id = sharedApp();

        Reply reply = api.post("/v2/apps/" + id, owner, json("owner", "outsider"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
        assertThat(api.get("/v2/apps/" + id, outsider).json().get("owner").asText()).isEqualTo("outsider");
        assertThat(api.get("/v2/apps/" + id, owner).status()).isEqualTo(403);
    }

    @Test
    void anAdminTransfersAnyApp() {
        String id = sharedApp();

        assertThat(api.post("/v2/apps/" + id + "/", admin, json("owner", "collab")).status()).isEqualTo(200);
        assertThat(api.get("/v2/apps/" + id, collab).json().get("owner").asText()).isEqualTo("collab");
    }

    @Test
    void collaboratorsAndOutsidersCannotTransfer() {
        String id = sharedApp();

        assertThat(api.post("/v2/apps/" + id, collab, json("owner", "collab")).status()).isEqualTo(403);
        assertThat(api.post("/v2/apps/" + id, outsider, json("owner", "outsider")).status()).isEqualTo(403);
        assertThat(api.post("/v2/apps/" + id, null, json("owner", "outsider")).status()).isEqualTo(401);
    }

    @Test
    void transferringToAnUnknownUserIs404() {
        String id = sharedApp();

        Reply reply = api.post("/v2/apps/" + id, owner, json("owner", "ghost"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("\"No User matches the given query.\"");
    }

    @Test
    void anUpdateWithoutOwnerChangesNothing() {
        String id = sharedApp();

        assertThat(api.post("/v2/apps/" + id, owner, "{}").status()).isEqualTo(200);
        assertThat(api.get("/v2/apps/" + id, owner).json().get("owner").asText()).isEqualTo("owner");
    }

    @Test
    void onlyOwnerAndAdminDestroy() {
        String id = sharedApp();
        String other = sharedApp();

        assertThat(api.delete("/v2/apps/" + id, collab).status()).isEqualTo(403);
        assertThat(api.delete("/v2/apps/" + id, outsider).status()).isEqualTo(403);
        assertThat(api.delete("/v2/apps/" + id, null).status()).isEqualTo(401);

        Reply byOwner = api.delete("/v2/apps/" + id, owner);
        assertThat(byOwner.status()).isEqualTo(204);
        assertThat(byOwner.body()).isEmpty();
        assertThat(api.get("/v2/apps/" + id, owner).status()).isEqualTo(404);

        assertThat(api.delete("/v2/apps/" + other + "/", admin).status()).isEqualTo(204);
        assertThat(api.delete("/v2/apps/" + other, admin).status()).isEqualTo(404);
    }

    static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().get("results").forEach(app -> ids.add(app.get("id").asText()));
        return ids;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
