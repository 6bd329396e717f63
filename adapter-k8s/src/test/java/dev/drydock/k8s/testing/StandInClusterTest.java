package dev.drydock.k8s.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.k8s.MockApiServer;
import dev.drydock.k8s.internal.PodStates;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stand-in's own promises, on the fabric8 mock. */
@Timeout(30)
class StandInClusterTest {
    private static MockApiServer server;
    private static StandInCluster cluster;
    private static CoreV1Api core;
    private static AppsV1Api apps;

    @BeforeAll
    static void start() {
        server = new MockApiServer();
        cluster = StandInCluster.start(server.client(), Duration.ofMillis(300));
        core = new CoreV1Api(server.client());
        apps = new AppsV1Api(server.client());
    }

    @AfterAll
    static void stop() {
        cluster.close();
        server.close();
    }

    @Test
    void aDeploymentKeepsItsCountOfPodsOfItsCurrentTemplate() throws Exception {
        namespace("keep");
        apps.createNamespacedDeployment("keep", deployment("keep", "web", "v1", "img:1", 3)).execute();

        Set<String> first = await(() -> names("keep", "v1", 3));
        assertThat(first).allSatisfy(name -> assertThat(name).matches("keep-web-[0-9]{7,10}-[a-z0-9]{5}"));
        // the status is written after the pods, in the same round
        assertThat(await(() -> apps.readNamespacedDeployment("keep-web", "keep").execute().getStatus()))
                .satisfies(s -> assertThat(List.of(s.getReplicas(), s.getUpdatedReplicas(), s.getAvailableReplicas(),
                        s.getReadyReplicas())).containsOnly(3));

        String gone = first.iterator().next();
        core.deleteNamespacedPod(gone, "keep").execute();
        assertThat(await(() -> names("keep", "v1", 3))).doesNotContain(gone).containsAll(
                first.stream().filter(n -> !n.equals(gone)).toList());

        V1Deployment next = apps.readNamespacedDeployment("keep-web", "keep").execute();
        next.getSpec().replicas(1).getTemplate().getMetadata().putLabelsItem("version", "v2");
        apps.replaceNamespacedDeployment("keep-web", "keep", next.apiVersion("apps/v1").kind("Deployment")).execute();
        Set<String> second = await(() -> names("keep", "v2", 1));
        assertThat(second).doesNotContainAnyElementsOf(first);
        assertThat(core.readNamespacedPod(second.iterator().next(), "keep").execute().getMetadata().getLabels())
                .containsEntry("version", "v2").containsKey("pod-template-hash");
    }

    @Test
    void theImageDecidesHowAPodFares() throws Exception {
        namespace("fare");
        apps.createNamespacedDeployment("fare", deployment("fare", "pull", "v1", "img:pull-fails", 1)).execute();
        apps.createNamespacedDeployment("fare", deployment("fare", "crash", "v1", "img:crashes", 1)).execute();
        apps.createNamespacedDeployment("fare", deployment("fare", "slow", "v1", "img:slow", 1)).execute();

        await(() -> states("fare", "pull").equals(List.of("ErrImagePull")) ? true : null);
        await(() -> states("fare", "slow").equals(List.of("starting")) ? true : null);
        V1Pod crashing = await(() -> pods("fare", "crash").stream().filter(p -> p.getStatus() != null
                && p.getStatus().getPhase() != null).findFirst().orElse(null));
        assertThat(crashing.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason())
                .isEqualTo("CrashLoopBackOff");
        assertThat(apps.readNamespacedDeployment("fare-slow", "fare").execute().getStatus().getAvailableReplicas())
                .isZero();

        cluster.release("slow");
        await(() -> states("fare", "slow").equals(List.of("up")) ? true : null);
        await(() -> apps.readNamespacedDeployment("fare-slow", "fare").execute().getStatus().getAvailableReplicas() == 1
                ? true : null);
    }

    @Test
    void aOneOffPodEndsWithTheExitCodeOfItsCommand() throws Exception {
        namespace("once");
        core.createNamespacedPod("once", runPod("once-run-ok", "rake db:migrate")).execute();
        core.createNamespacedPod("once", runPod("once-run-bad", "rake db:migrate; exit 3")).execute();

        await(() -> "Succeeded".equals(phase("once-run-ok")) ? true : null);
        await(() -> "Failed".equals(phase("once-run-bad")) ? true : null);
        assertThat(core.readNamespacedPod("once-run-bad", "once").execute().getStatus().getContainerStatuses().get(0)
                .getState().getTerminated().getExitCode()).isEqualTo(3);
    }

    @Test
    void aDeletedNamespaceStaysTerminatingAWhileThenGoesWithAllInIt() throws Exception {
        namespace("leaving");
        apps.createNamespacedDeployment("leaving", deployment("leaving", "web", "v1", "img:1", 2)).execute();
        await(() -> names("leaving", "v1", 2));

        long start = System.nanoTime();
        core.deleteNamespace("leaving").execute();
        V1Namespace terminating = await(() -> {
            V1Namespace ns = core.readNamespace("leaving").execute();
            return ns.getStatus() != null && "Terminating".equals(ns.getStatus().getPhase()) ? ns : null;
        });
        assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();
        assertThat(core.listNamespacedPod("leaving").execute().getItems()).as("pods linger while it terminates")
                .hasSize(2);
        try {
            core.createNamespace(new V1Namespace().apiVersion("v1").kind("Namespace")
                    .metadata(new V1ObjectMeta().name("leaving"))).execute();
            throw new AssertionError("a terminating namespace was made again");
        } catch (ApiException e) {
            assertThat(e.getCode()).isEqualTo(409);
        }

        await(() -> core.listNamespace().execute().getItems().stream()
                .noneMatch(ns -> ns.getMetadata().getName().equals("leaving")) ? true : null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(core.listNamespacedPod("leaving").execute().getItems()).isEmpty();
        assertThat(apps.listNamespacedDeployment("leaving").execute().getItems()).isEmpty();
    }

    @Test
    void aNodeIsRegistered() throws Exception {
        cluster.awaitRound();

        assertThat(core.readNode(StandInCluster.NODE).execute().getMetadata().getName()).isEqualTo(StandInCluster.NODE);
    }

    private static void namespace(String name) throws ApiException {
        core.createNamespace(new V1Namespace().apiVersion("v1").kind("Namespace")
                .metadata(new V1ObjectMeta().name(name))).execute();
        cluster.awaitRound();
    }

    private static V1Deployment deployment(String ns, String type, String version, String image, int replicas) {
        Map<String, String> selector = Map.of("app", ns, "type", type);
        return new V1Deployment().apiVersion("apps/v1").kind("Deployment")
                .metadata(new V1ObjectMeta().name(ns + "-" + type).namespace(ns))
                .spec(new V1DeploymentSpec().replicas(replicas).selector(new V1LabelSelector().matchLabels(selector))
                        .template(new V1PodTemplateSpec()
                                .metadata(new V1ObjectMeta().labels(Map.of("app", ns, "type", type, "version", version)))
                                .spec(new V1PodSpec().containers(List.of(new V1Container().name(type).image(image))))));
    }

    private static V1Pod runPod(String name, String command) {
        return new V1Pod().apiVersion("v1").kind("Pod")
                .metadata(new V1ObjectMeta().name(name).namespace("once").labels(Map.of("app", "once", "type", "run")))
                .spec(new V1PodSpec().restartPolicy("Never").containers(List.of(new V1Container().name(name)
                        .image("img:1").command(List.of("/bin/bash", "-c")).args(List.of(command)))));
    }

    private static List<V1Pod> pods(String ns, String type) throws ApiException {
        return core.listNamespacedPod(ns).labelSelector("type=" + type).execute().getItems();
    }

    private static List<String> states(String ns, String type) throws ApiException {
        return pods(ns, type).stream().map(PodStates::state).toList();
    }

    private static String phase(String pod) throws ApiException {
        V1Pod read = core.readNamespacedPod(pod, "once").execute();
        return read.getStatus() == null ? null : read.getStatus().getPhase();
    }

    /** The names of the namespace's pods, once there are exactly this many, all up and of this version; else null. */
    private static Set<String> names(String ns, String version, int count) throws ApiException {
        List<V1Pod> pods = core.listNamespacedPod(ns).execute().getItems();
        boolean settled = pods.size() == count && pods.stream().allMatch(p -> PodStates.state(p).equals("up")
                && version.equals(p.getMetadata().getLabels().get("version")));
        return settled ? pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet()) : null;
    }

    /** The first non-null answer, asked every 10 ms for at most 5 seconds. */
    private static <T> T await(Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            T answer = probe.call();
            if (answer != null) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not so within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
