package dev.drydock.http;

import static dev.drydock.http.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.core.Settings;
import dev.drydock.http.ApiFixture.Reply;
import java.util.ArrayList;
import java.util.List;
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
    void aLimitBeyondTheMaximumIsCutToItNeverRefused() {
        JsonNode page = page("/v2/apps?limit=99999999999&offset=1");

        assertThat(page.get("results")).hasSize(4);
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").asText()).isEqualTo(base + "/v2/apps?limit=1000");
    }

    @Test
    void aLimitAboveAConfiguredMaximumServesThatManyAndItsLinksSkipNothing() {
        try (ApiFixture small = ApiFixture.start(Settings.defaults()
                .withLimits(Settings.Limits.defaults().withPageSize(2)))) {
            String root = small.user("root");
            for (String id : new String[] {"app-a", "app-b", "app-c", "app-d", "app-e"}) {
                assertThat(small.post("/v2/apps", root, json("id", id)).status()).isEqualTo(201);
            }
            String origin = "http://127.0.0.1:" + small.api.port();

            Reply first = small.get("/v2/apps?limit=1000", root);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json().get("count").asInt()).isEqualTo(5);
            assertThat(first.json().get("results")).hasSize(2);
            assertThat(first.json().get("next").asText()).isEqualTo(origin + "/v2/apps?limit=2&offset=2");
            List<String> ids = new ArrayList<>();
            JsonNode page = first.json();
            while (true) {
                page.get("results").forEach(app -> ids.add(app.get("id").asText()));
                if (page.get("next").isNull()) {
                    break;
                }
                page = small.get(page.get("next").asText().substring(origin.length()), root).json();
            }
            assertThat(ids).containsExactly("app-a", "app-b", "app-c", "app-d", "app-e");
            JsonNode middle = small.get("/v2/apps?limit=50&offset=3", root).json();
            assertThat(middle.get("previous").asText()).isEqualTo(origin + "/v2/apps?limit=2&offset=1");
            assertThat(small.get("/v2/apps", root).json().get("results")).hasSize(2);
            assertThat(small.get("/v2/users?limit=100", root).json().get("results")).hasSize(1);
        }
    }
}
