package dev.drydock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.Settings;
import dev.drydock.embedded.Drydock;
import dev.drydock.server.HttpTestClient.Reply;
import dev.drydock.testing.DrydockHarness;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL stops under load and comes back: 503s that say why meanwhile, then service without a restart. */
class DatabaseOutageTest {
    private static final String UNAVAILABLE = "The database is not available right now; try again shortly";

    @TempDir
    Path dataDir;

    private final HttpTestClient client = new HttpTestClient();

    private EmbeddedPostgres postgres(int port) throws Exception {
        // the same directory and port each time, so the restarted server is the same database
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "off").start();
    }

    @Test
    void requestsGet503WithAMessageWhileTheDatabaseIsDownAndWorkAgainWhenItIsBack() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        EmbeddedPostgres database = postgres(port);
        String url = database.getJdbcUrl("postgres", "postgres");
        ExecutorService load = Executors.newFixedThreadPool(3);
        try (DrydockHarness server = DrydockHarness.start(Drydock.database(url, "postgres", "")
                .settings(Settings.defaults().withPasswordIterations(1000)))) {
            URI api = server.uri();
            String token = client.signUp(api, "ada");
            assertThat(client.send(api, "POST", "v2/apps/", token, "{\"id\":\"steady\"}").status()).isEqualTo(201);
            assertThat(client.send(api, "GET", "readiness", null, null).status()).isEqualTo(200);

            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Reply> answers = new ConcurrentLinkedQueue<>();
            AtomicInteger changes = new AtomicInteger();
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                int id = c;
                clients.add(load.submit(() -> {
                    while (running.get()) {
                        answers.add(id == 0
                                ? client.send(api, "POST", "v2/apps/steady/config/", token,
                                        "{\"values\":{\"N\":\"" + changes.incrementAndGet() + "\"}}")
                                : client.send(api, "GET", "v2/apps", token, null));
                    }
                }));
            }
            Thread.sleep(500);
            database.close();
            answers.clear();
            Thread.sleep(4_000);

            List<Reply> duringOutage = List.copyOf(answers);
            Reply readiness = client.send(api, "GET", "readiness", null, null);
            Reply whoami = client.send(api, "GET", "v2/auth/whoami", token, null);

            database = postgres(port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Reply after = client.send(api, "GET", "v2/apps/steady", token, null);
            while (after.status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                after = client.send(api, "GET", "v2/apps/steady", token, null);
            }
            running.set(false);
            for (Future<?> f : clients) {
                f.get(1, TimeUnit.MINUTES);
            }

            assertThat(duringOutage).as("answers while the database was down").isNotEmpty()
                    .allSatisfy(reply -> {
                        assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
                        assertThat(reply.body()).contains(UNAVAILABLE);
                    });
            assertThat(readiness.status()).as("readiness while down: " + readiness).isEqualTo(503);
            assertThat(whoami.status()).as(whoami.toString()).isEqualTo(503);
            assertThat(after.status()).as("after the database came back: " + after).isEqualTo(200);
            assertThat(client.send(api, "GET", "readiness", null, null).status()).isEqualTo(200);
            Reply change = client.send(api, "POST", "v2/apps/steady/config/", token, "{\"values\":{\"BACK\":\"yes\"}}");
            assertThat(change.status()).as(change.toString()).isEqualTo(201);
        } finally {
            load.shutdownNow();
            database.close();
        }
    }
}
