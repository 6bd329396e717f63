package dev.drydock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plain {@code @ExtendWith} form: one harness for the class, its state kept from test to test. */
@ExtendWith(DrydockExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrydockExtensionPerClassTest {
    static DrydockHarness first;

    @Test
    @Order(1)
    void injectsTheHarnessItsUriAReadyAdminAndTheCluster(DrydockHarness harness, URI api, DrydockAdmin admin,
                                                         SimulatedCluster cluster) {
        first = harness;
        assertThat(api).isEqualTo(harness.uri());

        HttpResponse<String> whoami = Http.get(api.resolve("v2/auth/whoami/"), admin.authorization());
        assertThat(whoami.statusCode()).as(whoami.body()).isEqualTo(200);
        assertThat(whoami.body()).contains("\"username\":\"admin\"").contains("\"is_superuser\":true");
        assertThat(admin.authorization()).isEqualTo("token " + admin.token());
        assertThat(DrydockHarnessTest.logIn(api, admin.username(), admin.password())).hasSize(40);

        HttpResponse<String> created = Http.post(api.resolve("v2/apps/"), admin.authorization(), "{\"id\":\"kept\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(cluster.hasSpace("kept")).as("the cluster was asked for the app's space").isTrue();
        assertThat(cluster.hasSpace("never-made")).isFalse();
    }

    @Test
    @Order(2)
    void laterTestsShareTheHarnessAndWhatEarlierOnesMade(DrydockHarness harness, DrydockAdmin admin,
                                                        SimulatedCluster cluster) {
        assertThat(harness).isSameAs(first);
        assertThat(Http.get(harness.uri().resolve("v2/apps/kept"), admin.authorization()).statusCode()).isEqualTo(200);
        assertThat(cluster.hasSpace("kept")).isTrue();
    }

    @Nested
    class InANestedClass {
        @Test
        void theOuterClassesHarnessIsUsed(DrydockHarness harness) {
            assertThat(first).as("the outer class's tests ran first").isNotNull();
            assertThat(harness).isSameAs(first);
        }
    }
}
