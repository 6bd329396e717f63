package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drydock.testing.DrydockAdmin;
import dev.drydock.testing.DrydockTest;
import dev.drydock.testing.SimulatedCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The extension on the JUnit this project uses (5.10): a harness, a ready admin and the cluster's record. */
@DrydockTest(reset = true)
class ExtensionTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void createsAnAppAsTheAdminAndTheClusterMakesItsSpace(URI api, DrydockAdmin admin, SimulatedCluster cluster)
            throws Exception {
        HttpRequest create = HttpRequest.newBuilder(URI.create(api + "/v2/apps/"))
                .header("Content-Type", "application/json")
                .header("Authorization", "token " + admin.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"web-shop\"}"))
                .build();
        HttpResponse<String> created = http.send(create, HttpResponse.BodyHandlers.ofString());

        assertEquals(201, created.statusCode(), created.body());
        assertTrue(cluster.hasSpace("web-shop"), "the cluster was asked for the app's space");
    }
}
