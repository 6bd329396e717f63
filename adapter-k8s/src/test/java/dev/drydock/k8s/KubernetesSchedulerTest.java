package dev.drydock.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.k8s.testing.StandInCluster;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1Service;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the Kubernetes scheduler asks of a cluster, against an API server in CRUD mode (the fabric8 mock). */
class KubernetesSchedulerTest {
    private static final Instant CREATED = Instant.parse("2026-11-27T10:15:30Z");
    private static MockApiServer server;
    private static ApiClient client;
    private static KubernetesScheduler scheduler;
    private static StandInCluster cluster;

    @BeforeAll
    static void start() {
        server = new MockApiServer();
        client = server.client();
        scheduler = new KubernetesScheduler(client, java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(20));
        cluster = StandInCluster.start(server);
    }

    @AfterAll
    static void stop() {
        cluster.close();
        server.close();
    }

    @Test
    void aRolloutWhosePodsCannotPullTheirImageIsRolledBackWithTheReason() throws Exception {
        scheduler.create("pull");
        scheduler.deploy(plan("pull", 2, Map.of(), Map.of("web", 1)));
        pod(new CoreV1Api(client), "pull", "pull-web-abc", "web", "v3", "2026-11-27T12:00:00Z", "Pending");
        CoreV1Api core = new CoreV1Api(client);
        V1Pod stuck = core.readNamespacedPod("pull-web-abc", "pull").execute();
        stuck.getStatus().containerStatuses(List.of(new io.kubernetes.client.openapi.models.V1ContainerStatus()
                .name("c").image("i").imageID("").ready(false).restartCount(0)
                .state(new io.kubernetes.client.openapi.models.V1ContainerState().waiting(
                        new io.kubernetes.client.openapi.models.V1ContainerStateWaiting().reason("ErrImagePull")))));
        core.replaceNamespacedPodStatus("pull-web-abc", "pull", stuck.apiVersion("v1").kind("Pod")).execute();

        assertThatThrownBy(() -> scheduler.deploy(plan("pull", 3, Map.of(), Map.of("web", 1))))
                .isInstanceOf(dev.drydock.ports.error.InvalidException.class)
                .hasMessage("There was a problem deploying v3: ErrImagePull (pod pull-web-abc). "
                        + "Its process types were rolled back to what ran before.");
        assertThat(new AppsV1Api(client).readNamespacedDeployment("pull-web", "pull").execute().getSpec()
                .getTemplate().getMetadata().getLabels()).containsEntry("version", "v2");
    }

    @Test
    void aRolloutNotReadyInTimeIsRolledBack() throws Exception {
        KubernetesScheduler impatient = new KubernetesScheduler(client, java.time.Duration.ofMillis(300),
                java.time.Duration.ofMillis(20));
        impatient.create("late");
        impatient.deploy(plan("late", 2, Map.of(), Map.of("web", 1)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.deploy(plan("late", 3, Map.of(), Map.of("web", 1, "worker", 1),
                "registry.example/late:slow")))
                .hasMessageContaining("the rollout was not ready within 0 s");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
        AppsV1Api apps = new AppsV1Api(client);
        assertThat(apps.readNamespacedDeployment("late-web", "late").execute().getSpec().getTemplate().getMetadata()
                .getLabels()).containsEntry("version", "v2");
        assertThat(apps.readNamespacedDeployment("late-worker", "late").execute().getSpec().getReplicas())
                .as("a type the failed release added goes to 0").isZero();
    }

    @Test
    void anAppIsANamespaceWithAServiceUntilDestroyed() throws Exception {
        assertThat(scheduler.exists("life")).isFalse();
        scheduler.create("life");
        scheduler.create("life");
        assertThat(scheduler.exists("life")).isTrue();
        V1Service service = new CoreV1Api(client).readNamespacedService("life", "life").execute();
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getIntValue()).isEqualTo(5000);

        scheduler.destroy("life");
        scheduler.destroy("life");
        assertThat(scheduler.exists("life")).isFalse();
    }

    @Test
    void aDeployWritesTheReleasesSecretADeploymentPerTypeAndPointsTheServiceAtPort() throws Exception {
        scheduler.create("shop");
        DeployPlan plan = plan("shop", 2, Map.of("PORT", "8080"), Map.of("web", 2, "worker", 0));

        scheduler.deploy(plan);

        AppsV1Api apps = new AppsV1Api(client);
        V1Deployment web = apps.readNamespacedDeployment("shop-web", "shop").execute();
        V1Deployment worker = apps.readNamespacedDeployment("shop-worker", "shop").execute();
        assertThat(web.getSpec().getReplicas()).isEqualTo(2);
        assertThat(worker.getSpec().getReplicas()).as("a type at 0 keeps an empty deployment").isZero();
        assertThat(new CoreV1Api(client).readNamespacedSecret("shop-v2-env", "shop").execute().getData())
                .containsKeys("port", "drycc-app", "workflow-release");
        V1Service service = new CoreV1Api(client).readNamespacedService("shop", "shop").execute();
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getIntValue()).isEqualTo(8080);
        assertThat(service.getSpec().getSelector()).containsEntry("type", "web");

        scheduler.scale(plan("shop", 2, Map.of("PORT", "8080"), Map.of("worker", 3)));
        assertThat(apps.readNamespacedDeployment("shop-worker", "shop").execute().getSpec().getReplicas()).isEqualTo(3);
        assertThat(apps.readNamespacedDeployment("shop-web", "shop").execute().getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void podsOfAReleaseAreListedNewestFirstWithUpstreamsStates() throws Exception {
        scheduler.create("pods");
        CoreV1Api core = new CoreV1Api(client);
        pod(core, "pods", "pods-web-1", "web", "v2", "2026-11-27T10:00:00Z", "Running");
        pod(core, "pods", "pods-web-2", "web", "v2", "2026-11-27T11:00:00Z", "Pending");
        pod(core, "pods", "pods-worker-1", "worker", "v2", "2026-11-27T09:00:00Z", "Failed");
        pod(core, "pods", "pods-web-old", "web", "v1", "2026-11-27T08:00:00Z", "Running");

        assertThat(scheduler.pods("pods", "v2", Optional.of("web")))
                .extracting(p -> p.name() + " " + p.state())
                .containsExactly("pods-web-2 initializing", "pods-web-1 starting");
        assertThat(scheduler.pods("pods", "v2", Optional.empty())).hasSize(3);
    }

    @Test
    void routingPutsUpstreamsRouterAnnotationsOnTheService() throws Exception {
        scheduler.route(new Routing("routed", List.of("routed.example.com", "www.example.com"),
                List.of(new Routing.TlsCertificate("example", List.of("www.example.com"), "CERT", "KEY")), true));

        V1Service service = new CoreV1Api(client).readNamespacedService("routed", "routed").execute();
        assertThat(service.getMetadata().getAnnotations())
                .containsEntry("router.drycc.cc/domains", "routed.example.com,www.example.com")
                .containsEntry("router.drycc.cc/certificates", "www.example.com:example")
                .containsEntry("router.drycc.cc/ssl.enforce", "True");
        assertThat(service.getMetadata().getLabels()).containsEntry("router.drycc.cc/routable", "true");

        scheduler.deploy(plan("routed", 2, Map.of(), Map.of("web", 1)));
        assertThat(new CoreV1Api(client).readNamespacedService("routed", "routed").execute().getMetadata()
                .getAnnotations()).as("a deploy keeps the routing").containsKey("router.drycc.cc/domains");
    }

    @Test
    void nodesMatchReadsTheNodesLabels() throws Exception {
        new CoreV1Api(client).createNode(new V1Node().apiVersion("v1").kind("Node").metadata(new V1ObjectMeta()
                .name("node-1").labels(Map.of("disk", "ssd", "zone", "a")))).execute();

        assertThat(scheduler.nodesMatch(Map.of("disk", "ssd"))).isTrue();
        assertThat(scheduler.nodesMatch(Map.of("disk", "ssd", "zone", "a"))).isTrue();
        assertThat(scheduler.nodesMatch(Map.of("disk", "hdd"))).isFalse();
    }

    @Test
    void logsAreTheLastLinesOfTheAppsPods() throws Exception {
        scheduler.create("logged");
        CoreV1Api core = new CoreV1Api(client);
        pod(core, "logged", "logged-web-1", "web", "v2", "2026-11-27T10:00:00Z", "Running");
        pod(core, "logged", "logged-worker-1", "worker", "v2", "2026-11-27T10:00:00Z", "Running");
        server.expectGet("/api/v1/namespaces/logged/pods/logged-web-1/log?container=c&tailLines=3",
                "GET /\nGET /a\nGET /b\n");
        server.expectGet("/api/v1/namespaces/logged/pods/logged-worker-1/log?container=c&tailLines=3",
                "working\n");

        assertThat(scheduler.logs("logged", 3)).containsExactly("logged[logged-web-1]: GET /a",
                "logged[logged-web-1]: GET /b", "logged[logged-worker-1]: working");
        assertThat(scheduler.logs("logged", 0)).isEmpty();
    }

    @Test
    void aOneOffCommandRunsInAPodOfItsOwnWhichIsDeletedAfterwards() throws Exception {
        KubernetesScheduler runner = new KubernetesScheduler(client, java.time.Duration.ofSeconds(5),
                java.time.Duration.ofMillis(20)).withRuns(java.time.Duration.ofSeconds(5), () -> "abcde");
        runner.create("oneoff");
        server.expectGet("/api/v1/namespaces/oneoff/pods/oneoff-run-abcde/log?container=oneoff-run-abcde"
                + "&tailLines=2147483647", "migrated\ndone\n");

        dev.drydock.ports.model.RunResult result = runner.run(plan("oneoff", 2, Map.of(), Map.of()),
                "rake db:migrate; exit 3");

        assertThat(result).isEqualTo(new dev.drydock.ports.model.RunResult(3, "migrated\ndone"));
        assertThat(new CoreV1Api(client).listNamespacedPod("oneoff").labelSelector("type=run").execute().getItems())
                .as("the run pod is deleted").isEmpty();
    }

    @Test
    void aOneOffCommandThatNeverStartsSaysInWhichStateItWas() {
        KubernetesScheduler runner = new KubernetesScheduler(client, java.time.Duration.ofSeconds(5),
                java.time.Duration.ofMillis(20)).withRuns(java.time.Duration.ofMillis(300), () -> "zzzzz");
        runner.create("neverup");

        assertThat(runner.run(plan("neverup", 2, Map.of(), Map.of(), "registry.example/neverup:slow"), "ls"))
                .isEqualTo(new dev.drydock.ports.model.RunResult(1, "Could not get logs. Pod is in state starting"));
    }

    @Test
    void restartDeletesThePodsAndAnswersTheirReplacements() throws Exception {
        scheduler.create("again");
        scheduler.deploy(plan("again", 2, Map.of(), Map.of("web", 2, "worker", 1)));
        CoreV1Api core = new CoreV1Api(client);
        java.util.Set<String> before = names(core.listNamespacedPod("again").execute().getItems());
        java.util.Set<String> worker = names(core.listNamespacedPod("again").labelSelector("type=worker").execute()
                .getItems());

        List<dev.drydock.ports.model.Pod> fresh = scheduler.restart("again", "v2", Optional.of("web"), Optional.empty());

        assertThat(before).hasSize(3);
        assertThat(fresh).hasSize(2).isSortedAccordingTo(java.util.Comparator.comparing(
                dev.drydock.ports.model.Pod::started).reversed())
                .extracting(dev.drydock.ports.model.Pod::name).doesNotContainAnyElementsOf(before);
        java.util.Set<String> now = names(core.listNamespacedPod("again").execute().getItems());
        assertThat(now).hasSize(3).containsAll(worker)
                .containsAll(fresh.stream().map(dev.drydock.ports.model.Pod::name).toList());
        assertThat(scheduler.restart("again", "v2", Optional.empty(), Optional.of("no-such-pod"))).isEmpty();
    }

    private static java.util.Set<String> names(List<V1Pod> pods) {
        return pods.stream().map(p -> p.getMetadata().getName()).collect(java.util.stream.Collectors.toSet());
    }

    private static void pod(CoreV1Api core, String ns, String name, String type, String version, String started,
                            String phase) throws Exception {
        core.createNamespacedPod(ns, new V1Pod().apiVersion("v1").kind("Pod")
                .metadata(new V1ObjectMeta().name(name).labels(Map.of("app", ns, "type", type, "version", version)))
                .spec(new V1PodSpec().containers(List.of(new V1Container().name("c").image("i"))))
                .status(new V1PodStatus().phase(phase).startTime(OffsetDateTime.parse(started)))).execute();
    }

    private static DeployPlan plan(String app, int version, Map<String, Object> values, Map<String, Integer> structure) {
        return plan(app, version, values, structure, "registry.example/" + app + ":1");
    }

    private static DeployPlan plan(String app, int version, Map<String, Object> values, Map<String, Integer> structure,
                                   String image) {
        Build build = new Build(UUID.randomUUID(), app, "ada", image, null,
                Map.of("web", "./serve", "worker", "./work"), null, CREATED, CREATED);
        Config config = new Config(UUID.randomUUID(), app, "ada", values, Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), CREATED, CREATED);
        Release release = new Release(UUID.randomUUID(), app, "ada", version, "ada deployed", false,
                null, config.uuid(), build.uuid(), CREATED, CREATED);
        return new DeployPlan(app, release, build, config, structure, false);
    }
}
