package dev.drydock.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.model.Pod;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pod states by upstream's names (behaviour.md §8.2). */
class PodStatesTest {
    @Test
    void pendingPodsAreInitializingCreatingOrTheirOwnWaitingReason() {
        assertThat(PodStates.state(pod("Pending", List.of()))).isEqualTo("initializing");
        assertThat(PodStates.state(pod("Pending", List.of(waiting("ContainerCreating"))))).isEqualTo("creating");
        assertThat(PodStates.state(pod("Pending", List.of(waiting("ErrImagePull"))))).isEqualTo("ErrImagePull");
        assertThat(PodStates.state(pod("Pending", List.of(waiting("ImagePullBackOff")))))
                .isEqualTo("ImagePullBackOff");
    }

    @Test
    void runningPodsAreUpOnlyWhenReady() {
        V1Pod ready = pod("Running", List.of(running(true)));
        ready.getStatus().conditions(List.of(new V1PodCondition().type("Ready").status("True")));
        assertThat(PodStates.state(ready)).isEqualTo("up");

        V1Pod notReady = pod("Running", List.of(running(false)));
        assertThat(PodStates.state(notReady)).isEqualTo("starting");

        V1Pod ended = pod("Running", List.of(new V1ContainerStatus().name("c").ready(false).image("i").imageID("")
                .restartCount(0).state(new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(1)))));
        assertThat(PodStates.state(ended)).isEqualTo("terminating");
    }

    @Test
    void endedDeletedAndUnknownPods() {
        assertThat(PodStates.state(pod("Succeeded", List.of()))).isEqualTo("down");
        assertThat(PodStates.state(pod("Failed", List.of()))).isEqualTo("crashed");
        assertThat(PodStates.state(pod("Unknown", List.of()))).isEqualTo("error");
        V1Pod justMade = pod("Pending", List.of()).status(null);
        assertThat(PodStates.state(justMade)).as("no status yet").isEqualTo("initializing");
        V1Pod deleted = pod("Running", List.of(running(true)));
        deleted.getMetadata().deletionTimestamp(OffsetDateTime.now());
        assertThat(PodStates.state(deleted)).isEqualTo("terminating");
    }

    @Test
    void aPodIsListedWithItsTypeReleaseAndStart() {
        V1Pod pod = pod("Succeeded", List.of());
        OffsetDateTime start = OffsetDateTime.parse("2026-11-27T10:00:00Z");
        pod.getStatus().startTime(start);

        Pod listed = PodStates.pod(pod);

        assertThat(listed).isEqualTo(new Pod("example-go-web-5d9c7b8f4-abcde", "web", "v3", "down",
                start.toInstant()));
    }

    private static V1Pod pod(String phase, List<V1ContainerStatus> containers) {
        return new V1Pod()
                .metadata(new V1ObjectMeta().name("example-go-web-5d9c7b8f4-abcde")
                        .labels(Map.of("app", "example-go", "type", "web", "version", "v3")))
                .status(new V1PodStatus().phase(phase).containerStatuses(containers));
    }

    private static V1ContainerStatus waiting(String reason) {
        return new V1ContainerStatus().name("c").ready(false).image("i").imageID("").restartCount(0)
                .state(new V1ContainerState().waiting(new V1ContainerStateWaiting().reason(reason)));
    }

    private static V1ContainerStatus running(boolean ready) {
        return new V1ContainerStatus().name("c").ready(ready).image("i").imageID("").restartCount(0)
                .state(new V1ContainerState().running(new V1ContainerStateRunning()));
    }
}
