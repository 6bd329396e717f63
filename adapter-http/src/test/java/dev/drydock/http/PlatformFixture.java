package dev.drydock.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.core.DrydockCore;
import dev.drydock.core.Settings;
import dev.drydock.http.ApiFixture.Reply;
import dev.drydock.inmemory.RunHandler;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.ports.spi.AppLog;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole HTTP API on a free port over the real core on a fresh {@link TestStore}, with every use case
 * wired, the simulated scheduler and app log within reach, and five callers: an
 * admin, an app owner, a collaborator on the owner's apps, an outsider and anonymous (a null token).
 */
final class PlatformFixture extends ApiClient implements AutoCloseable {
    static final String BUILDER_KEY = "builder-secret-key";
    private static final AtomicInteger NEXT = new AtomicInteger();

    final SimulatedScheduler scheduler;
    final TestStore store = TestStore.fresh();
    final AppLog log = store.log;
    final DrydockCore core;
    final HttpApi api;
    final String admin;
    final String owner;
    final String collab;
    final String outsider;

    private PlatformFixture(Settings settings, RunHandler runs) {
        scheduler = new SimulatedScheduler(Clock.systemUTC(), null, runs);
        core = new DrydockCore(store.transactions, scheduler, store.deployLock, log, Clock.systemUTC(),
                settings.withPasswordIterations(1000));
        api = HttpApi.start(ApiFixture.services(core, new java.util.concurrent.atomic.AtomicBoolean(true)),
                "127.0.0.1", 0);
        admin = user("admin");
        owner = user("owner");
        collab = user("collab");
        outsider = user("outsider");
    }

    /** With a builder key configured, so the hooks are open to {@link #BUILDER_KEY}. */
    static PlatformFixture start() {
        return start(null);
    }

    /** With this answer to one-off commands (null: the simulation's "not executed"). */
    static PlatformFixture start(RunHandler runs) {
        return start(Settings.defaults().withBuilderKey(Optional.of(BUILDER_KEY)), runs);
    }

    /** With these settings (the builder key among them) and this answer to one-off commands. */
    static PlatformFixture start(Settings settings, RunHandler runs) {
        return new PlatformFixture(settings, runs);
    }

    @Override
    public void close() {
        api.close();
        store.close();
    }

    /** The tokens of everyone who may use the owner's apps: the owner, the collaborator and the admin. */
    List<String> users() {
        return List.of(owner, collab, admin);
    }

    /** A new app of the owner, shared with the collaborator. */
    String app() {
        String id = "app-" + NEXT.incrementAndGet();
        Reply created = post("/v2/apps", owner, ApiFixture.json("id", id));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Reply shared = post("/v2/apps/" + id + "/perms", owner, ApiFixture.json("username", "collab"));
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        return id;
    }

    /** A new shared app with a build of web and worker processes deployed (one web pod runs). */
    String deployedApp() {
        String id = app();
        Reply build = post("/v2/apps/" + id + "/builds", owner, "{\"image\": \"example/shop:1\", "
                + "\"procfile\": {\"web\": \"bin/web\", \"worker\": \"bin/worker\"}}");
        assertThat(build.status()).as(build.body()).isEqualTo(201);
        return id;
    }

    @Override
    URI base() {
        return api.uri();
    }

    /** The field names of a JSON object, in order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The texts of one field of every item of a JSON array. */
    static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.get(field).asText()));
        return texts;
    }

    /** The bare-string body of a 404 from an object lookup. */
    static String notFoundText(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(reply.json().isTextual()).as(reply.body()).isTrue();
        return reply.json().asText();
    }

    /** The message of a {"detail": ...} error body. */
    static String detail(Reply reply) {
        JsonNode detail = reply.json().get("detail");
        assertThat(detail).as(reply.body()).isNotNull();
        return detail.asText();
    }

    /** The first message of a field error of a 400 body. */
    static String fieldError(Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        JsonNode messages = reply.json().get(field);
        assertThat(messages).as(reply.body()).isNotNull();
        return messages.get(0).asText();
    }
}
