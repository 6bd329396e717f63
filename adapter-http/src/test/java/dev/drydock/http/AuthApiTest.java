package dev.drydock.http;

import static dev.drydock.http.ApiFixture.PASSWORD;
import static dev.drydock.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.core.Settings;
import dev.drydock.core.Settings.RegistrationMode;
import dev.drydock.http.ApiFixture.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /v2/auth: register, login, whoami, tokens, passwd, cancel. */
class AuthApiTest {
    private final List<ApiFixture> fixtures = new ArrayList<>();
    private ApiFixture api;
    private String admin;
    private String jane;

    @BeforeEach
    void start() {
        api = fixture(Settings.defaults());
        admin = api.user("admin");
        jane = api.user("jane");
    }

    @AfterEach
    void stop() {
        fixtures.forEach(ApiFixture::close);
    }

    private ApiFixture fixture(Settings settings) {
        ApiFixture fixture = ApiFixture.start(settings);
        fixtures.add(fixture);
        return fixture;
    }

    @Test
    void registerAnswersTheUserRepresentation() {
        Reply reply = api.post("/v2/auth/register", null, json("username", "bob", "password", PASSWORD,
                "email", "bob@example.com", "first_name", "Bob", "last_name", "Smith", "is_superuser", true));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode user = reply.json();
        assertThat(fieldNames(user)).containsExactly("email", "username", "first_name", "last_name",
                "is_superuser", "is_staff", "groups", "user_permissions", "last_login", "date_joined", "is_active");
        assertThat(user.get("username").asText()).isEqualTo("bob");
        assertThat(user.get("email").asText()).isEqualTo("bob@example.com");
        assertThat(user.get("first_name").asText()).isEqualTo("Bob");
        assertThat(user.get("last_name").asText()).isEqualTo("Smith");
        assertThat(user.get("is_superuser").asBoolean()).isFalse();
        assertThat(user.get("is_staff").asBoolean()).isFalse();
        assertThat(user.get("is_active").asBoolean()).isTrue();
        assertThat(user.get("groups").isArray()).isTrue();
        assertThat(user.get("user_permissions").isArray()).isTrue();
        assertThat(reply.body()).doesNotContain(PASSWORD).doesNotContain("password");
    }

    @Test
    void theFirstRegisteredUserIsAnAdmin() {
        ApiFixture fresh = fixture(Settings.defaults());

        Reply first = fresh.post("/v2/auth/register", null, json("username", "first", "password", PASSWORD));
        Reply second = fresh.post("/v2/auth/register", null, json("username", "second", "password", PASSWORD));

        assertThat(first.json().get("is_superuser").asBoolean()).isTrue();
        assertThat(first.json().get("is_staff").asBoolean()).isTrue();
        assertThat(second.json().get("is_superuser").asBoolean()).isFalse();
    }

    @Test
    void registerReportsFieldErrors() {
        Reply missing = api.post("/v2/auth/register", null, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("username").get(0).asText()).isEqualTo("This field is required.");
        assertThat(missing.json().get("password").get(0).asText()).isEqualTo("This field is required.");

        Reply taken = api.post("/v2/auth/register", null, json("username", "jane", "password", PASSWORD));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("username").get(0).asText())
                .isEqualTo("A user with that username already exists.");

        Reply badEmail = api.post("/v2/auth/register", null,
                json("username", "carl", "password", PASSWORD, "email", "not-an-email"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("email").get(0).asText()).isEqualTo("Enter a valid email address.");

        Reply wrongType = api.post("/v2/auth/register", null, json("username", true, "password", PASSWORD));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("username").get(0).asText()).isEqualTo("Not a valid string.");
    }

    @Test
    void aBadTokenOnRegisterCountsAsAnonymous() {
        Reply reply = api.post("/v2/auth/register", "0000000000000000000000000000000000000000",
                json("username", "anon", "password", PASSWORD));

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void registrationCanBeDisabled() {
        ApiFixture closed = fixture(Settings.defaults().withRegistrationMode(RegistrationMode.DISABLED));

        Reply reply = closed.post("/v2/auth/register", null, json("username", "bob", "password", PASSWORD));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Registration is disabled");
    }

    @Test
    void adminOnlyRegistrationLetsTheFirstUserInThenOnlyAdmins() {
        ApiFixture guarded = fixture(Settings.defaults().withRegistrationMode(RegistrationMode.ADMIN_ONLY));
        String boss = guarded.user("boss");

        Reply anonymous = guarded.post("/v2/auth/register", null, json("username", "anon", "password", PASSWORD));
        Reply byAdmin = guarded.post("/v2/auth/register", boss, json("username", "hired", "password", PASSWORD));
        String hired = guarded.login("hired");
        Reply byUser = guarded.post("/v2/auth/register", hired, json("username", "friend", "password", PASSWORD));

        assertThat(anonymous.status()).isEqualTo(403);
        assertThat(anonymous.json().get("detail").asText())
                .isEqualTo("You do not have permission to perform this action.");
        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(byUser.status()).isEqualTo(403);
    }

    @Test
    void loginAnswersAToken() {
        Reply reply = api.post("/v2/auth/login/", null, json("username", "jane", "password", PASSWORD));

        assertThat(reply.status()).isEqualTo(200);
        String token = reply.json().get("token").asText();
        assertThat(api.get("/v2/auth/whoami", token).json().get("username").asText()).isEqualTo("jane");
    }

    @Test
    void loginWithBadCredentialsIs400() {
        Reply wrongPassword = api.post("/v2/auth/login/", null, json("username", "jane", "password", "nope"));
        Reply unknownUser = api.post("/v2/auth/login/", null, json("username", "ghost", "password", "nope"));

        for (Reply reply : List.of(wrongPassword, unknownUser)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().get("non_field_errors").get(0).asText())
                    .isEqualTo("Unable to log in with provided credentials.");
        }
    }

    @Test
    void loginWithMissingFieldsIs400() {
        Reply reply = api.post("/v2/auth/login/", null, json("username", "jane"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("password").get(0).asText()).isEqualTo("This field is required.");
    }

    @Test
    void loginWithABadTokenHeaderIs401() {
        Reply reply = api.post("/v2/auth/login/", "0000000000000000000000000000000000000000",
                json("username", "jane", "password", PASSWORD));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("detail").asText()).isEqualTo("Invalid token.");
    }

    @Test
    void whoamiShowsTheCaller() {
        Reply reply = api.get("/v2/auth/whoami", jane);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("username").asText()).isEqualTo("jane");
        assertThat(reply.json().get("email").asText()).isEqualTo("jane@example.com");
        assertThat(reply.json().get("last_login").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(api.get("/v2/auth/whoami", null).status()).isEqualTo(401);
    }

    @Test
    void regeneratingOnesOwnTokenRevokesTheOldOne() {
        Reply reply = api.post("/v2/auth/tokens/", jane, "{}");

        assertThat(reply.status()).isEqualTo(200);
        String fresh = reply.json().get("token").asText();
        assertThat(fresh).isNotEqualTo(jane);
        assertThat(api.get("/v2/auth/whoami", jane).status()).isEqualTo(401);
        assertThat(api.get("/v2/auth/whoami", fresh).status()).isEqualTo(200);
    }

    @Test
    void anAdminRegeneratesAnothersToken() {
        Reply reply = api.post("/v2/auth/tokens/", admin, json("username", "jane"));

        assertThat(reply.status()).isEqualTo(200);
        String janes = reply.json().get("token").asText();
        assertThat(api.get("/v2/auth/whoami", janes).json().get("username").asText()).isEqualTo("jane");
        assertThat(api.get("/v2/auth/whoami", jane).status()).isEqualTo(401);
    }

    @Test
    void onlyAdminsRegenerateOthersOrAllTokens() {
        assertThat(api.post("/v2/auth/tokens/", jane, json("username", "admin")).status()).isEqualTo(403);
        assertThat(api.post("/v2/auth/tokens/", jane, json("all", true)).status()).isEqualTo(403);
        assertThat(api.post("/v2/auth/tokens/", admin, json("username", "ghost")).body())
                .isEqualTo("\"No User matches the given query.\"");
    }

    @Test
    void aUsernameKeyCountsEvenWhenItsValueIsNull() {
        Reply byUser = api.post("/v2/auth/tokens/", jane, "{\"username\":null}");
        assertThat(byUser.status()).isEqualTo(403);
        assertThat(byUser.json().get("detail").asText())
                .isEqualTo("You do not have permission to perform this action.");
        assertThat(api.get("/v2/auth/whoami", jane).status()).as("jane's token is kept").isEqualTo(200);

        Reply byAdmin = api.post("/v2/auth/tokens/", admin, "{\"username\":null}");
        assertThat(byAdmin.status()).isEqualTo(400);
        assertThat(byAdmin.body()).isEqualTo("{\"username\":[\"This field may not be null.\"]}");
        assertThat(api.get("/v2/auth/whoami", admin).status()).as("the admin's token is kept").isEqualTo(200);
    }

    @Test
    void regeneratingAllTokensAnswersAnEmptyStringAndRevokesEveryToken() {
        Reply reply = api.post("/v2/auth/tokens/", admin, json("all", "false"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("\"\"");
        assertThat(api.get("/v2/auth/whoami", admin).status()).isEqualTo(401);
        assertThat(api.get("/v2/auth/whoami", jane).status()).isEqualTo(401);
    }

    @Test
    void regeneratingTokensAnonymouslyIs401() {
        Reply reply = api.post("/v2/auth/tokens/", null, "{}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Token");
    }

    @Test
    void changingOnesPasswordNeedsTheCurrentOne() {
        Reply missingNew = api.post("/v2/auth/passwd", jane, json("password", PASSWORD));
        assertThat(missingNew.status()).isEqualTo(400);
        assertThat(missingNew.json().get("detail").asText()).isEqualTo("new_password is a required field");

        Reply missingOld = api.post("/v2/auth/passwd", jane, json("new_password", "changed-1"));
        assertThat(missingOld.status()).isEqualTo(400);
        assertThat(missingOld.json().get("detail").asText()).isEqualTo("password is a required field");

        Reply wrongOld = api.post("/v2/auth/passwd", jane, json("password", "wrong", "new_password", "changed-1"));
        assertThat(wrongOld.status()).isEqualTo(401);
        assertThat(wrongOld.json().get("detail").asText()).isEqualTo("Current password does not match");

        Reply changed = api.post("/v2/auth/passwd", jane, json("password", PASSWORD, "new_password", "changed-1"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo("{\"status\":\"password set\"}");
        assertThat(api.post("/v2/auth/login/", null, json("username", "jane", "password", "changed-1")).status())
                .isEqualTo(200);
    }

    @Test
    void anAdminSetsAnothersPasswordWithoutTheOldOne() {
        Reply reply = api.post("/v2/auth/passwd", admin, json("username", "jane", "new_password", "by-admin"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(api.post("/v2/auth/login/", null, json("username", "jane", "password", "by-admin")).status())
                .isEqualTo(200);
    }

    @Test
    void aUserCannotSetAnothersPassword() {
        assertThat(api.post("/v2/auth/passwd", jane,
                json("username", "admin", "password", PASSWORD, "new_password", "x")).status()).isEqualTo(403);
        assertThat(api.post("/v2/auth/passwd", admin, json("username", "ghost", "new_password", "x")).status())
                .isEqualTo(404);
        assertThat(api.post("/v2/auth/passwd", null, json("new_password", "x")).status()).isEqualTo(401);
    }

    @Test
    void cancellingRemovesTheAccount() {
        Reply reply = api.delete("/v2/auth/cancel", jane);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(api.get("/v2/auth/whoami", jane).status()).isEqualTo(401);
        assertThat(api.post("/v2/auth/login/", null, json("username", "jane", "password", PASSWORD)).status())
                .isEqualTo(400);
    }

    @Test
    void anAccountThatOwnsAppsCannotBeCancelled() {
        assertThat(api.post("/v2/apps", jane, json("id", "janes-app")).status()).isEqualTo(201);

        Reply reply = api.delete("/v2/auth/cancel", jane);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("detail").asText())
                .isEqualTo("jane still has applications assigned. Delete or transfer ownership");
    }

    @Test
    void cancellingAnothersAccountIsForAdmins() {
        api.user("carl");

        Reply byUser = api.send("DELETE", "/v2/auth/cancel", jane, json("username", "carl"), "application/json");
        Reply unknown = api.send("DELETE", "/v2/auth/cancel", admin, json("username", "ghost"), "application/json");
        Reply byAdmin = api.send("DELETE", "/v2/auth/cancel", admin, json("username", "carl"), "application/json");

        assertThat(byUser.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("\"No User matches the given query.\"");
        assertThat(byAdmin.status()).isEqualTo(204);
        assertThat(api.delete("/v2/auth/cancel", null).status()).isEqualTo(401);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
