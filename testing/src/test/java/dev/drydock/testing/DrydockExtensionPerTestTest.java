package dev.drydock.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DrydockTest(lifecycle = DrydockTest.Lifecycle.PER_TEST)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrydockExtensionPerTestTest {
    static DrydockHarness earlier;
    URI seenBeforeEach;

    @BeforeEach
    void takesTheTestsHarnessBeforeEachTest(URI api) {
        seenBeforeEach = api;
    }

    @Test
    @Order(1)
    void eachTestHasAHarnessOfItsOwn(DrydockHarness harness, DrydockAdmin admin, SimulatedCluster cluster) {
        earlier = harness;
        assertThat(seenBeforeEach).isEqualTo(harness.uri());
        HttpResponse<String> created = Http.post(harness.uri().resolve("v2/apps/"), admin.authorization(),
                "{\"id\":\"only-here\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(cluster.hasSpace("only-here")).isTrue();
    }

    @Test
    @Order(2)
    void theNextTestGetsANewHarnessAndTheEarlierOneIsClosed(DrydockHarness harness, URI api, DrydockAdmin admin,
                                                            SimulatedCluster cluster) {
        assertThat(earlier).as("the first test ran").isNotNull();
        assertThat(harness).isNotSameAs(earlier);
        assertThat(api).isEqualTo(seenBeforeEach).isNotEqualTo(earlier.uri());
        assertThatThrownBy(() -> Http.get(earlier.uri().resolve("healthz"), null))
                .as("the earlier harness no longer listens").hasCauseInstanceOf(ConnectException.class);

        assertThat(Http.get(api.resolve("v2/apps/only-here"), admin.authorization()).statusCode()).isEqualTo(404);
        assertThat(cluster.hasSpace("only-here")).isFalse();
        assertThat(Http.get(api.resolve("v2/auth/whoami/"), admin.authorization()).body())
                .contains("\"is_superuser\":true");
    }
}
