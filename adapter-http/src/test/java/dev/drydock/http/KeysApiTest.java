package dev.drydock.http;

import static dev.drydock.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.http.ApiFixture.Reply;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /v2/keys: a user's own SSH keys. */
class KeysApiTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    static ApiFixture api;
    static String admin;
    static String jane;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        admin = api.user("admin");
        jane = api.user("jane");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** A syntactically valid ssh-ed25519 public key line with random key bytes. */
    static String publicKey() {
        byte[] type = "ssh-ed25519".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        java.nio.ByteBuffer blob = java.nio.ByteBuffer.allocate(4 + type.length + 4 + key.length);
        blob.putInt(type.length).put(type).putInt(key.length).put(key);
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.array()) + " jane@laptop";
    }

    @Test
    void addAnswersTheKeyRepresentation() {
        String key = publicKey();

        Reply reply = api.post("/v2/keys", jane, json("id", "jane@laptop", "public", key));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode json = reply.json();
        assertThat(AppsApiTest.fieldNames(json))
                .containsExactly("uuid", "owner", "id", "public", "fingerprint", "created", "updated");
        assertThat(json.get("owner").asText()).isEqualTo("jane");
        assertThat(json.get("id").asText()).isEqualTo("jane@laptop");
        assertThat(json.get("public").asText()).isEqualTo(key);
        assertThat(json.get("fingerprint").asText()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
    }

    @Test
    void listShowsOnlyOnesOwnKeysPaginated() {
        api.post("/v2/keys", jane, json("id", "jane-list", "public", publicKey()));
        api.post("/v2/keys", admin, json("id", "admin-list", "public", publicKey()));

        Reply reply = api.get("/v2/keys", jane);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("count")).isTrue();
        List<String> ids = new java.util.ArrayList<>();
        reply.json().get("results").forEach(k -> ids.add(k.get("id").asText()));
        assertThat(ids).contains("jane-list").doesNotContain("admin-list");
        assertThat(api.get("/v2/keys/", jane).status()).isEqualTo(200);
        assertThat(api.get("/v2/keys", null).status()).isEqualTo(401);
    }

    @Test
    void getAndDeleteOnesOwnKey() {
        api.post("/v2/keys", jane, json("id", "jane-get", "public", publicKey()));

        assertThat(api.get("/v2/keys/jane-get", jane).json().get("id").asText()).isEqualTo("jane-get");
        assertThat(api.get("/v2/keys/jane-get/", jane).status()).isEqualTo(200);
        Reply deleted = api.delete("/v2/keys/jane-get", jane);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        Reply gone = api.get("/v2/keys/jane-get", jane);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("\"No Key matches the given query.\"");
    }

    @Test
    void keyIdsMayContainSlashes() {
        api.post("/v2/keys", jane, json("id", "work/laptop@home", "public", publicKey()));

        assertThat(api.get("/v2/keys/work/laptop@home", jane).json().get("id").asText())
                .isEqualTo("work/laptop@home");
        assertThat(api.delete("/v2/keys/work/laptop@home/", jane).status()).isEqualTo(204);
    }

    @Test
    void anothersKeyIsNotFoundEvenForAnAdmin() {
        api.post("/v2/keys", jane, json("id", "jane-private", "public", publicKey()));

        assertThat(api.get("/v2/keys/jane-private", admin).status()).isEqualTo(404);
        assertThat(api.delete("/v2/keys/jane-private", admin).status()).isEqualTo(404);
        assertThat(api.get("/v2/keys/jane-private", null).status()).isEqualTo(401);
    }

    @Test
    void addRefusesTakenIdsAndBadKeys() {
        String key = publicKey();
        api.post("/v2/keys", jane, json("id", "jane-taken", "public", key));

        Reply takenId = api.post("/v2/keys", admin, json("id", "jane-taken", "public", publicKey()));
        assertThat(takenId.status()).isEqualTo(400);
        assertThat(takenId.json().get("id").get(0).asText()).isEqualTo("SSH Key with this id already exists.");

        Reply takenKey = api.post("/v2/keys", admin, json("id", "admin-copy", "public", key));
        assertThat(takenKey.status()).isEqualTo(400);
        assertThat(takenKey.json().get("public").get(0).asText()).isEqualTo("Public Key is already in use");

        Reply badKey = api.post("/v2/keys", jane, json("id", "jane-bad", "public", "ssh-rsa foo_bar"));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.json().get("public").get(0).asText()).isEqualTo("Key contains invalid base64 chars");

        Reply missing = api.post("/v2/keys", jane, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("id").get(0).asText()).isEqualTo("This field is required.");
        assertThat(missing.json().get("public").get(0).asText()).isEqualTo("This field is required.");

        assertThat(api.post("/v2/keys", null, json("id", "anon", "public", publicKey())).status()).isEqualTo(401);
    }

    @Test
    void addRefusesKeyTextWithALineBreakInside() {
        String smuggled = publicKey() + "\ncommand=\"sh\" " + publicKey();

        Reply reply = api.post("/v2/keys", jane, json("id", "jane-two-lines", "public", smuggled));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body())
                .isEqualTo("{\"public\":[\"Key must be a single line with no control characters\"]}");
        assertThat(api.get("/v2/keys/jane-two-lines", jane).status()).isEqualTo(404);
    }

    @Test
    void addRefusesIdsEndingInASlash() {
        Reply reply = api.post("/v2/keys", jane, json("id", "jane/laptop/", "public", publicKey()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).isEqualTo("{\"id\":[\"Key ids cannot end with a slash.\"]}");
    }
}
