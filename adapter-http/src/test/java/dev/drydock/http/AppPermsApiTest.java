package dev.drydock.http;

import static dev.drydock.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.http.ApiFixture.Reply;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /v2/apps/{id}/perms: sharing an app. */
class AppPermsApiTest {
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

    private static String app() {
        String id = "perm-app-" + NEXT.incrementAndGet();
        assertThat(api.post("/v2/apps", owner, json("id", id)).status()).isEqualTo(201);
        return id;
    }

    @Test
    void theOwnerSharesAndTheListNamesCollaborators() {
        String id = app();

        Reply granted = api.post("/v2/apps/" + id + "/perms", owner, json("username", "collab"));

        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.body()).isEmpty();
        for (String token : new String[] {owner, collab, admin}) {
            Reply list = api.get("/v2/apps/" + id + "/perms", token);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).isEqualTo("{\"users\":[\"collab\"]}");
        }
        assertThat(api.get("/v2/apps/" + id + "/perms/", owner).status()).isEqualTo(200);
    }

    @Test
    void outsidersAndAnonymousCannotSeeOrShare() {
        String id = app();

        assertThat(api.get("/v2/apps/" + id + "/perms", outsider).status()).isEqualTo(403);
        assertThat(api.get("/v2/apps/" + id + "/perms", null).status()).isEqualTo(401);
        assertThat(api.post("/v2/apps/" + id + "/perms", outsider, json("username", "outsider")).status())
                .isEqualTo(403);
        assertThat(api.post("/v2/apps/" + id + "/perms", null, json("username", "outsider")).status())
                .isEqualTo(401);
    }

    @Test
    void collaboratorsCannotShare() {
        String id = app();
        api.post("/v2/apps/" + id + "/perms", owner, json("username", "collab"));

        assertThat(api.post("/v2/apps/" + id + "/perms", collab, json("username", "outsider")).status())
                .isEqualTo(403);
    }

    @Test
    void anAdminShares() {
        String id = app();

        assertThat(api.post("/v2/apps/" + id + "/perms", admin, json("username", "outsider")).status())
                .isEqualTo(201);
        assertThat(api.get("/v2/apps/" + id, outsider).status()).isEqualTo(200);
    }

    @Test
    void sharingWithAnUnknownUserOrAppIs404() {
        String id = app();

        Reply unknownUser = api.post("/v2/apps/" + id + "/perms", owner, json("username", "ghost"));
        assertThat(unknownUser.status()).isEqualTo(404);
        assertThat(unknownUser.body()).isEqualTo("\"No User matches the given query.\"");

        Reply unknownApp = api.post("/v2/apps/no-such-app/perms", owner, json("username", "collab"));
        assertThat(unknownApp.status()).isEqualTo(404);
        assertThat(unknownApp.body()).isEqualTo("\"No App matches the given query.\"");
    }

    @Test
    void sharingWithoutAUsernameIs400() {
        String id = app();

        Reply reply = api.post("/v2/apps/" + id + "/perms", owner, "{}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("username").get(0).asText()).isEqualTo("This field is required.");
    }

    @Test
    void theOwnerRevokes() {
        String id = app();
        api.post("/v2/apps/" + id + "/perms", owner, json("username", "collab"));

        Reply reply = api.delete("/v2/apps/" + id + "/perms/collab", owner);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(api.get("/v2/apps/" + id, collab).status()).isEqualTo(403);
        assertThat(api.get("/v2/apps/" + id + "/perms", owner).body()).isEqualTo("{\"users\":[]}");
    }

    @Test
    void aCollaboratorRemovesThemselvesButNoOneElse() {
        String id = app();
        api.post("/v2/apps/" + id + "/perms", owner, json("username", "collab"));
        api.post("/v2/apps/" + id + "/perms", owner, json("username", "outsider"));

        assertThat(api.delete("/v2/apps/" + id + "/perms/outsider", collab).status()).isEqualTo(403);
        assertThat(api.delete("/v2/apps/" + id + "/perms/collab/", collab).status()).isEqualTo(204);
        assertThat(api.delete("/v2/apps/" + id + "/perms/outsider", admin).status()).isEqualTo(204);
    }

    @Test
    void revokingSomeoneWithoutAccessIs403AndAnUnknownUser404() {
        String id = app();

        assertThat(api.delete("/v2/apps/" + id + "/perms/outsider", owner).status()).isEqualTo(403);
        assertThat(api.delete("/v2/apps/" + id + "/perms/ghost", owner).status()).isEqualTo(404);
        assertThat(api.delete("/v2/apps/" + id + "/perms/collab", null).status()).isEqualTo(401);
    }

    @Test
    void aCollaboratorWhoBecomesOwnerIsNoLongerListed() {
        String id = app();
        api.post("/v2/apps/" + id + "/perms", owner, json("username", "collab"));

        assertThat(api.post("/v2/apps/" + id, owner, json("owner", "collab")).status()).isEqualTo(200);

        Reply list = api.get("/v2/apps/" + id + "/perms", collab);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("{\"users\":[]}");
        assertThat(api.get("/v2/apps/" + id, owner).status()).as("the old owner loses access").isEqualTo(403);
    }
}
