package dev.drydock.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.core.Settings;
import dev.drydock.embedded.Drydock;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.jdbc.TestDatabases;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.server.HttpTestClient.Reply;
import dev.drydock.testing.DrydockHarness;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Drydock servers (each its own core, pools and HTTP server) on one PostgreSQL database and
 * one cluster, behind which clients are spread as a load balancer would spread them.
 */
class TwoServersOnOnePostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTestClient client = new HttpTestClient();
    private final SimulatedScheduler cluster = new SimulatedScheduler(Clock.systemUTC());
    private DrydockHarness one;
    private DrydockHarness two;

    @BeforeEach
    void startTwoServers() {
        String url = TestDatabases.freshPostgresDatabase();
        one = DrydockHarness.start(server(url));
        two = DrydockHarness.start(server(url));
    }

    private Drydock.Builder server(String url) {
        return Drydock.database(url, "postgres", "").scheduler(cluster)
                .settings(Settings.defaults().withPasswordIterations(1000));
    }

    @AfterEach
    void stop() {
        if (one != null) {
            one.close();
        }
        if (two != null) {
            two.close();
        }
    }

    @Test
    void aTokenIssuedByOneServerWorksOnTheOther() throws Exception {
        String token = client.signUp(one.uri(), "ada");

        Reply whoami = client.send(two.uri(), "GET", "v2/auth/whoami", token, null);
        assertThat(whoami.status()).as(whoami.toString()).isEqualTo(200);
        assertThat(JSON.readTree(whoami.body()).get("username").asText()).isEqualTo("ada");

        Reply created = client.send(two.uri(), "POST", "v2/apps/", token, "{\"id\":\"shared-shop\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Reply seen = client.send(one.uri(), "GET", "v2/apps/shared-shop", token, null);
        assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
        Reply again = client.send(one.uri(), "POST", "v2/apps/", token, "{\"id\":\"shared-shop\"}");
        assertThat(again.status()).as("an app id is taken on every server: " + again).isEqualTo(400);
    }

    @Test
    void eightClientsOnTwoServersChangingOneAppLoseNothingAndDeployInOrder() throws Exception {
        String token = client.signUp(one.uri(), "ada");
        assertThat(client.send(one.uri(), "POST", "v2/apps/", token, "{\"id\":\"busy\"}").status()).isEqualTo(201);
        Reply build = client.send(two.uri(), "POST", "v2/apps/busy/builds/", token, "{\"image\":\"example/busy:1\"}");
        assertThat(build.status()).as(build.toString()).isEqualTo(201);
        int clients = 8;
        int changesEach = 15;
        List<String> failures = client.changeConcurrently(List.of(one.uri(), two.uri()), token, "busy", clients,
                changesEach);

        assertThat(failures).as("no change may fail because of the race").isEmpty();
        int expected = 2 + clients * changesEach;
        JsonNode releases = JSON.readTree(client.send(two.uri(), "GET", "v2/apps/busy/releases/?limit=1000", token,
                null).body());
        List<Integer> versions = new ArrayList<>();
        releases.get("results").forEach(r -> versions.add(r.get("version").asInt()));
        assertThat(versions).as("contiguous, none lost, none twice")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, expected).map(v -> expected + 1 - v).boxed().toList());

        JsonNode values = JSON.readTree(client.send(one.uri(), "GET", "v2/apps/busy/config/", token, null).body())
                .get("values");
        for (int c = 0; c < clients; c++) {
            for (int i = 0; i < changesEach; i++) {
                assertThat(values.has("KEY_" + c + "_" + i)).as("KEY_" + c + "_" + i + " kept").isTrue();
            }
        }

        List<Integer> deployed = cluster.deployments("busy").stream().map(DeployPlan::release)
                .map(Release::version).toList();
        assertThat(deployed).as("deploys reach the cluster in release order").isSorted().doesNotHaveDuplicates();
        assertThat(deployed).last().isEqualTo(expected);
        assertThat(cluster.deployments("busy")).last()
                .satisfies(plan -> assertThat(plan.config().values()).hasSize(clients * changesEach));
    }
}
