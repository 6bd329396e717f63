package dev.drydock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.inmemory.SimulatedScheduler;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@DrydockTest(reset = true)
class SimulatedClusterTest {
    @Test
    void everyOperationOfTheSchedulerCanBeNamed() {
        assertThat(Arrays.stream(SimulatedCluster.Operation.values()).map(SchedulerCluster::operation))
                .containsExactlyInAnyOrder(SimulatedScheduler.Operation.values());
    }

    @Test
    void aDeployTheClusterRefusesIsRecordedNowhereAndTheNextOneGoesThrough(URI api, DrydockAdmin admin,
                                                                          SimulatedCluster cluster) {
        assertThat(Http.post(api.resolve("v2/apps/"), admin.authorization(), "{\"id\":\"shop\"}").statusCode())
                .isEqualTo(201);
        cluster.failNext(SimulatedCluster.Operation.DEPLOY, "shop", new IllegalStateException("quota exceeded"));

        HttpResponse<String> refused = Http.post(api.resolve("v2/apps/shop/builds/"), admin.authorization(),
                "{\"image\":\"example/shop:1\"}");
        assertThat(refused.statusCode()).as(refused.body()).isGreaterThanOrEqualTo(400);
        assertThat(cluster.deployments("shop")).isEmpty();

        HttpResponse<String> built = Http.post(api.resolve("v2/apps/shop/builds/"), admin.authorization(),
                "{\"image\":\"example/shop:1\"}");
        assertThat(built.statusCode()).as(built.body()).isEqualTo(201);
        assertThat(cluster.deployments("shop")).hasSize(1);
        assertThat(cluster.deployments("shop").get(0).build().image()).isEqualTo("example/shop:1");
    }

    @Test
    void anActionRunsWhileTheNextCallIsUnderWay(URI api, DrydockAdmin admin, SimulatedCluster cluster) {
        AtomicReference<Boolean> spaceDuringCreate = new AtomicReference<>();
        cluster.beforeNext(SimulatedCluster.Operation.CREATE, "later",
                () -> spaceDuringCreate.set(cluster.hasSpace("later")));

        assertThat(Http.post(api.resolve("v2/apps/"), admin.authorization(), "{\"id\":\"other\"}").statusCode())
                .isEqualTo(201);
        assertThat(spaceDuringCreate).as("another app's create does not take it").hasNullValue();
        assertThat(Http.post(api.resolve("v2/apps/"), admin.authorization(), "{\"id\":\"later\"}").statusCode())
                .isEqualTo(201);

        assertThat(spaceDuringCreate).as("ran just before the space was made").hasValue(false);
        assertThat(cluster.hasSpace("later")).isTrue();
    }
}
