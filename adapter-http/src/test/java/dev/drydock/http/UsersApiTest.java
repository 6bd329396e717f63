package dev.drydock.http;

import static dev.drydock.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.http.ApiFixture.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /v2/users and /v2/admin/perms: admins only. */
class UsersApiTest {
    ApiFixture api;
    String admin;
    String jane;

    @BeforeEach
    void start() {
        api = ApiFixture.start();
        admin = api.user("admin");
        jane = api.user("jane");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void adminsListEveryUser() {
        Reply reply = api.get("/v2/users", admin);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("count").asInt()).isEqualTo(2);
        assertThat(usernames(reply)).containsExactly("admin", "jane");
        assertThat(reply.json().get("results").get(1).get("is_superuser").asBoolean()).isFalse();
        assertThat(api.get("/v2/users/", admin).status()).isEqualTo(200);
    }

    @Test
    void othersCannotListUsers() {
        Reply user = api.get("/v2/users", jane);

        assertThat(user.status()).isEqualTo(403);
        assertThat(user.json().get("detail").asText()).isEqualTo("You do not have permission to perform this action.");
        assertThat(api.get("/v2/users", null).status()).isEqualTo(401);
    }

    @Test
    void adminPermsListsTheAdmins() {
        Reply reply = api.get("/v2/admin/perms", admin);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(
                "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"username\":\"admin\",\"is_superuser\":true}]}");
    }

    @Test
    void grantingAndRevokingAdminRights() {
        Reply granted = api.post("/v2/admin/perms", admin, json("username", "jane"));
        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.body()).isEmpty();
        assertThat(usernames(api.get("/v2/admin/perms", admin))).containsExactly("admin", "jane");
        assertThat(api.get("/v2/users", jane).status()).isEqualTo(200);

        Reply revoked = api.delete("/v2/admin/perms/jane", admin);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(usernames(api.get("/v2/admin/perms/", admin))).containsExactly("admin");
        assertThat(api.get("/v2/users", jane).status()).isEqualTo(403);
    }

    @Test
    void adminPermsAreForAdminsOnly() {
        assertThat(api.get("/v2/admin/perms", jane).status()).isEqualTo(403);
        assertThat(api.post("/v2/admin/perms", jane, json("username", "jane")).status()).isEqualTo(403);
        assertThat(api.delete("/v2/admin/perms/admin", jane).status()).isEqualTo(403);
        assertThat(api.get("/v2/admin/perms", null).status()).isEqualTo(401);
        assertThat(api.post("/v2/admin/perms", null, json("username", "jane")).status()).isEqualTo(401);
        assertThat(api.delete("/v2/admin/perms/admin", null).status()).isEqualTo(401);
    }

    @Test
    void grantingToAnUnknownUserIs404() {
        Reply reply = api.post("/v2/admin/perms", admin, json("username", "ghost"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).isEqualTo("\"No User matches the given query.\"");
        assertThat(api.delete("/v2/admin/perms/ghost", admin).status()).isEqualTo(404);
    }

    @Test
    void usernamesWithDotsAndAtSignsCanBeRevoked() {
        assertThat(api.post("/v2/auth/register", null,
                json("username", "mary.ann@corp", "password", ApiFixture.PASSWORD)).status()).isEqualTo(201);
        api.post("/v2/admin/perms", admin, json("username", "mary.ann@corp"));

        assertThat(api.delete("/v2/admin/perms/mary.ann@corp", admin).status()).isEqualTo(204);
    }

    private static List<String> usernames(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        reply.json().get("results").forEach(user -> names.add(user.get("username").asText()));
        return names;
    }
}
