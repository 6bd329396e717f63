package dev.drydock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.embedded.Drydock;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DrydockTest(reset = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrydockExtensionResetTest {
    static URI firstUri;
    static DrydockAdmin firstAdmin;
    static Drydock firstCore;

    @Test
    @Order(1)
    void aTestLeavesUsersAppsAndClusterState(DrydockHarness harness, URI api, DrydockAdmin admin,
                                            SimulatedCluster cluster) {
        firstUri = api;
        firstAdmin = admin;
        firstCore = harness.drydock();
        HttpResponse<String> bob = Http.post(api.resolve("v2/auth/register/"), null,
                "{\"username\":\"bob\",\"password\":\"s3cret-pass\"}");
        assertThat(bob.statusCode()).as(bob.body()).isEqualTo(201);
        assertThat(bob.body()).as("the admin came first").contains("\"is_superuser\":false");
        assertThat(Http.post(api.resolve("v2/apps/"), admin.authorization(), "{\"id\":\"gone\"}").statusCode())
                .isEqualTo(201);
        assertThat(cluster.hasSpace("gone")).isTrue();
    }

    @Test
    @Order(2)
    void theNextTestFindsNoneOfItBehindTheSameUri(DrydockHarness harness, URI api, DrydockAdmin admin,
                                                  SimulatedCluster cluster) {
        assertThat(firstUri).as("the first test ran").isNotNull();
        assertThat(api).isEqualTo(firstUri);
        assertThat(harness.drydock()).isNotSameAs(firstCore);

        assertThat(Http.get(api.resolve("v2/apps"), firstAdmin.authorization()).statusCode())
                .as("the earlier admin's token").isEqualTo(401);
        assertThat(admin.token()).isNotEqualTo(firstAdmin.token());
        HttpResponse<String> users = Http.get(api.resolve("v2/users"), admin.authorization());
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        assertThat(users.body()).as("only the new admin").contains("\"count\":1").doesNotContain("bob");
        assertThat(Http.get(api.resolve("v2/apps"), admin.authorization()).body()).contains("\"count\":0");
        assertThat(cluster.hasSpace("gone")).isFalse();
    }
}
