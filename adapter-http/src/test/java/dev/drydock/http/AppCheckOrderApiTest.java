package dev.drydock.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.http.ApiFixture.Reply;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every app-scoped endpoint that takes a body checks, in upstream's order: credentials (401),
 * that the app exists (404), that the caller may use it (403), and only then the body (400).
 */
class AppCheckOrderApiTest {
    private static final String FORBIDDEN = "You do not have permission to perform this action.";
    /** The app-scoped POST endpoints that read a body, as paths of an app. */
    private static final List<Function<String, String>> ENDPOINTS = List.of(
            app -> "/v2/apps/" + app,
            app -> "/v2/apps/" + app + "/tls",
            app -> "/v2/apps/" + app + "/domains",
            app -> "/v2/apps/" + app + "/config",
            app -> "/v2/apps/" + app + "/scale",
            app -> "/v2/apps/" + app + "/run",
            app -> "/v2/apps/" + app + "/perms",
            app -> "/v2/apps/" + app + "/builds");

    static PlatformFixture api;
    static String app;

    @BeforeAll
    static void start() {
        api = PlatformFixture.start();
        app = api.deployedApp();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void anonymousCallersAre401WhateverTheBody() {
        for (Function<String, String> endpoint : ENDPOINTS) {
            Reply reply = api.post(endpoint.apply("nope"), null, "{");

            assertThat(reply.status()).as(endpoint.apply("nope") + " " + reply).isEqualTo(401);
        }
    }

    @Test
    void anUnknownAppIs404BeforeTheBodyIsRead() {
        for (Function<String, String> endpoint : ENDPOINTS) {
            for (String body : new String[] {"{", "{}", "{\"domain\": 1e2147483648}"}) {
                Reply reply = api.post(endpoint.apply("nope"), api.owner, body);

                assertThat(reply.status()).as(endpoint.apply("nope") + " " + body + " " + reply).isEqualTo(404);
                assertThat(reply.json().asText()).isEqualTo("No App matches the given query.");
            }
        }
    }

    @Test
    void anOutsiderIs403BeforeTheBodyIsRead() {
        for (Function<String, String> endpoint : ENDPOINTS) {
            for (String body : new String[] {"{", "{}", "[1]", "{\"https_enforced\": 1e2147483648}"}) {
                Reply reply = api.post(endpoint.apply(app), api.outsider, body);

                assertThat(reply.status()).as(endpoint.apply(app) + " " + body + " " + reply).isEqualTo(403);
                assertThat(reply.json().get("detail").asText()).isEqualTo(FORBIDDEN);
            }
        }
    }

    @Test
    void aCallerWhoMayUseTheAppGetsTheBodyError() {
        for (Function<String, String> endpoint : ENDPOINTS) {
            Reply reply = api.post(endpoint.apply(app), api.owner, "{");

            assertThat(reply.status()).as(endpoint.apply(app) + " " + reply).isEqualTo(400);
            assertThat(reply.json().get("detail").asText()).startsWith("JSON parse error - ");
        }
    }

    @Test
    void hugeExponentsInAnyAppBodyAre400() {
        String[] bodies = {
            "{\"domain\": 1e2147483648}",
            "{\"https_enforced\": 1e-2147483649}",
            "{\"web\": 1e2147483648}",
            "{\"values\": {\"A\": 1e2147483648}}",
            "{\"values\": \"{\\\"A\\\": 1e2147483648}\"}",
        };
        String[] paths = {"/domains", "/tls", "/scale", "/config", "/config"};
        for (int i = 0; i < bodies.length; i++) {
            Reply reply = api.post("/v2/apps/" + app + paths[i], api.owner, bodies[i]);

            assertThat(reply.status()).as(bodies[i] + " " + reply).isEqualTo(400);
        }
    }
}
