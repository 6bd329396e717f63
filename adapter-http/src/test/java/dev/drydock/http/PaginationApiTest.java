package dev.drydock.http;

import static dev.drydock.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.http.ApiFixture.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** limit/offset paging and its links, seen through the app list. */
class PaginationApiTest {
    static ApiFixture api;
    static String admin;
    static String base;

    @BeforeAll
    static void start() {
        api = ApiFixture.start();
        admin = api.user("admin");
        for (String id : new String[] {"app-a", "app-b", "app-c", "app-d", "app-e"}) {
            assertThat(api.post("/v2/apps", admin, json("id", id)).status()).isEqualTo(201);
        }
        base = "http://127.0.0.1:" + api.api.port();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonNode page(String pathAndQuery) {
        Reply reply = api.get(pathAndQuery, admin);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void theFirstPageLinksToTheNext() {
        JsonNode page = page("/v2/apps?limit=2");

        assertThat(page.get("count").asInt()).isEqualTo(5);
        assertThat(page.get("results")).hasSize(2);
        assertThat(page.get("results").get(0).get("id").asText()).isEqualTo("app-a");
        assertThat(page.get("next").asText()).isEqualTo(base + "/v2/apps?limit=2&offset=2");
        assertThat(page.get("previous").isNull()).isTrue();
    }

    @Test
    void theSecondPageLinksBackWithoutAnOffset() {
        JsonNode page = page("/v2/apps?limit=2&offset=2");

        assertThat(page.get("results").get(0).get("id").asText()).isEqualTo("app-c");
        assertThat(page.get("next").asText()).isEqualTo(base + "/v2/apps?limit=2&offset=4");
        assertThat(page.get("previous").asText()).isEqualTo(base + "/v2/apps?limit=2");
    }

    @Test
    void theLastPageHasNoNext() {
        JsonNode page = page("/v2/apps?offset=4&limit=2");

        assertThat(page.get("results")).hasSize(1);
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").asText()).isEqualTo(base + "/v2/apps?limit=2&offset=2");
    }

    @Test
    void otherParametersAreKeptInKeyOrder() {
        JsonNode page = page("/v2/apps/?zeta=1&limit=2&alpha=a%20b");

        assertThat(page.get("next").asText()).isEqualTo(base + "/v2/apps/?alpha=a+b&limit=2&offset=2&zeta=1");
    }

    @Test
    void aZeroNegativeOrGarbageLimitMeansOneHundred() {
        for (String limit : new String[] {"0", "-3", "many", ""}) {
            JsonNode page = page("/v2/apps?limit=" + limit);

            assertThat(page.get("results")).as(limit).hasSize(5);
            assertThat(page.get("next").isNull()).as(limit).isTrue();
        }
    }

    @Test
    void aBadOffsetMeansZero() {
        for (String offset : new String[] {"-1", "x"}) {
            JsonNode page = page("/v2/apps?limit=2&offset=" + offset);

            assertThat(page.get("results").get(0).get("id").asText()).as(offset).isEqualTo("app-a");
            assertThat(page.get("previous").isNull()).as(offset).isTrue();
        }
    }

    @Test
    void anOffsetPastTheEndIsAnEmptyPage() {
        JsonNode page = page("/v2/apps?limit=2&offset=10");

        assertThat(page.get("count").asInt()).isEqualTo(5);
        assertThat(page.get("results")).isEmpty();
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").asText()).isEqualTo(base + "/v2/apps?limit=2&offset=8");
    }

    @Test
    void anOffsetBeyondTheIntegerRangeIsStillAnOffsetPastTheEnd() {
        JsonNode page = page("/v2/apps?offset=99999999999");

        assertThat(page.get("count").asInt()).isEqualTo(5);
        assertThat(page.get("results")).isEmpty();
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").asText()).isEqualTo(base + "/v2/apps?limit=100&offset=99999999899");
    }

    @Test
    void aLimitBeyondTheIntegerRangeIsEverything() {
        JsonNode page = page("/v2/apps?limit=99999999999&offset=1");

        assertThat(page.get("results")).hasSize(4);
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").asText()).isEqualTo(base + "/v2/apps?limit=99999999999");
    }
}
