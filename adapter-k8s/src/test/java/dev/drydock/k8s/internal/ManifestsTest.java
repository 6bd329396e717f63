package dev.drydock.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.DeployPlan;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The objects a deploy asks the cluster for, as upstream makes them (behaviour.md §8). */
class ManifestsTest {
    private static final Instant CREATED = Instant.parse("2026-11-27T10:15:30.123Z");

    @Test
    void theNamespaceIsTheAppsLabelledAsDrycc() {
        assertThat(Manifests.namespace("example-go").getMetadata().getName()).isEqualTo("example-go");
        assertThat(Manifests.namespace("example-go").getMetadata().getLabels()).containsEntry("heritage", "drycc");
    }

    @Test
    void theEnvironmentIsUpstreamsDefaultsWithTheConfigOverThem() {
        DeployPlan plan = plan(image(Map.of("web", "./serve")), config(Map.of("PORT", "8080", "DRYCC_APP", "mine",
                "GREETING", "hi")), 3);

        Map<String, String> env = Manifests.environment(plan, Optional.of(8080));

        assertThat(env).containsExactly(
                Map.entry("DRYCC_APP", "mine"),
                Map.entry("GREETING", "hi"),
                Map.entry("PORT", "8080"),
                Map.entry("WORKFLOW_RELEASE", "v3"),
                Map.entry("WORKFLOW_RELEASE_CREATED_AT", "2026-11-27T10:15:30Z"),
                Map.entry("WORKFLOW_RELEASE_SUMMARY", "ada changed PORT"));
    }

    @Test
    void theEnvSecretIsNamedForTheReleaseWithLowerCaseDashedKeys() {
        DeployPlan plan = plan(image(Map.of()), config(Map.of("MY_VAR", "x")), 7);
        V1Secret secret = Manifests.envSecret(plan, Manifests.environment(plan, Optional.empty()));

        assertThat(secret.getMetadata().getName()).isEqualTo("example-go-v7-env");
        assertThat(secret.getMetadata().getNamespace()).isEqualTo("example-go");
        assertThat(secret.getMetadata().getLabels()).containsExactly(Map.entry("app", "example-go"),
                Map.entry("heritage", "drycc"), Map.entry("version", "v7"), Map.entry("type", "env"));
        assertThat(new String(secret.getData().get("my-var"), StandardCharsets.UTF_8)).isEqualTo("x");
        assertThat(secret.getData()).containsKeys("drycc-app", "workflow-release");
    }

    @Test
    void aDeploymentPerTypeReadsItsEnvFromTheReleasesSecret() {
        DeployPlan plan = plan(image(Map.of("web", "./serve --port $PORT")), config(Map.of("A_B", "1")), 4);
        Map<String, String> env = Manifests.environment(plan, Optional.of(5000));

        V1Deployment web = Manifests.deployment(plan, "web", 3, 1, env);

        assertThat(web.getMetadata().getName()).isEqualTo("example-go-web");
        assertThat(web.getMetadata().getAnnotations()).containsEntry("kubernetes.io/change-cause", "ada changed PORT");
        assertThat(web.getSpec().getReplicas()).isEqualTo(3);
        assertThat(web.getSpec().getSelector().getMatchLabels()).containsExactly(Map.entry("app", "example-go"),
                Map.entry("type", "web"), Map.entry("heritage", "drycc"));
        assertThat(web.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntValue()).isZero();
        assertThat(web.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntValue()).isEqualTo(1);
        assertThat(web.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("version", "v4");
        V1Container container = web.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getName()).isEqualTo("example-go-web");
        assertThat(container.getImage()).isEqualTo("registry.example/go:1");
        assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(container.getCommand()).containsExactly("/bin/bash", "-c");
        assertThat(container.getArgs()).containsExactly("./serve --port $PORT");
        V1EnvVar ab = container.getEnv().stream().filter(e -> e.getName().equals("A_B")).findFirst().orElseThrow();
        assertThat(ab.getValue()).isNull();
        assertThat(ab.getValueFrom().getSecretKeyRef().getName()).isEqualTo("example-go-v4-env");
        assertThat(ab.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("a-b");
        assertThat(container.getEnv()).extracting(V1EnvVar::getName).isSorted();
        assertThat(web.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isEqualTo(30L);
    }

    @Test
    void theImagesOwnCommandRunsForCmdAndTheSlugRunnerForBuildpacks() {
        Map<String, String> env = Map.of();
        V1Container cmd = container(Manifests.deployment(plan(image(Map.of()), config(Map.of()), 2), "cmd", 1, 1, env));
        assertThat(cmd.getCommand()).isNullOrEmpty();
        assertThat(cmd.getArgs()).isNullOrEmpty();

        Build buildpack = new Build(UUID.randomUUID(), "example-go", "ada", "slug:abc", "abc1234def",
                Map.of("web", "bin/web", "worker", "bin/work"), "", CREATED, CREATED);
        V1Container worker = container(Manifests.deployment(plan(buildpack, config(Map.of()), 2), "worker", 1, 1, env));
        assertThat(worker.getCommand()).containsExactly("/runner/init");
        assertThat(worker.getArgs()).containsExactly("start", "worker");
    }

    @Test
    void limitsTagsAndGracePeriodsComeFromTheConfig() {
        Config config = new Config(UUID.randomUUID(), "example-go", "ada", Map.of(),
                Map.of("web", "256M/1G", "worker", "64MB"), Map.of("web", "500M"), Map.of("disk", "ssd"), Map.of(),
                Map.of(), Map.of(), Map.of(), Map.of("web", "90"), CREATED, CREATED);
        DeployPlan plan = plan(image(Map.of("web", "x", "worker", "y")), config, 2);

        V1Deployment web = Manifests.deployment(plan, "web", 1, 1, Map.of());
        var resources = container(web).getResources();
        assertThat(resources.getRequests()).containsExactly(Map.entry("memory", new Quantity("256Mi")));
        assertThat(resources.getLimits()).containsEntry("memory", new Quantity("1Gi"))
                .containsEntry("cpu", new Quantity("500m"));
        assertThat(web.getSpec().getTemplate().getSpec().getNodeSelector()).containsExactly(Map.entry("disk", "ssd"));
        assertThat(web.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isEqualTo(90L);

        V1Container worker = container(Manifests.deployment(plan, "worker", 1, 1, Map.of()));
        assertThat(worker.getResources().getLimits()).containsExactly(Map.entry("memory", new Quantity("64Mi")));
        assertThat(Manifests.memoryUnit("512m")).isEqualTo("512Mi");
        assertThat(Manifests.memoryUnit("1024")).isEqualTo("1024");
    }

    @Test
    void rollingUpdatesSurgeByTheBatchesButNeverPastTheReplicas() {
        DeployPlan plan = plan(image(Map.of("web", "x")), config(Map.of()), 2);
        assertThat(Manifests.deployment(plan, "web", 2, 5, Map.of()).getSpec().getStrategy().getRollingUpdate()
                .getMaxSurge().getIntValue()).isEqualTo(2);
        assertThat(Manifests.deployment(plan, "web", 0, 5, Map.of()).getSpec().getStrategy().getRollingUpdate()
                .getMaxSurge().getIntValue()).isEqualTo(1);
    }

    @Test
    void theServiceSendsPort80ToTheAppsPortAndSelectsTheRoutableType() {
        V1Service service = Manifests.service("example-go", 8080, Optional.of("web"));
        assertThat(service.getMetadata().getName()).isEqualTo("example-go");
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(80);
            assertThat(port.getTargetPort().getIntValue()).isEqualTo(8080);
        });
        assertThat(service.getSpec().getSelector()).containsEntry("type", "web");
        assertThat(Manifests.service("example-go", 5000, Optional.empty()).getSpec().getSelector())
                .doesNotContainKey("type");
    }

    @Test
    void probesAndLifecycleHooksOfTheTypeAreOnItsContainer() {
        Config config = new Config(UUID.randomUUID(), "example-go", "ada", Map.of("PORT", "8080"), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of("web", Map.of(
                        "livenessProbe", Map.of("httpGet", Map.of("path", "/healthz"), "initialDelaySeconds", 5),
                        "readinessProbe", Map.of("tcpSocket", Map.of("port", 8080)))),
                Map.of("web", "echo started > /tmp/up"), Map.of("web", "sleep 5"), Map.of(), CREATED, CREATED);
        DeployPlan plan = plan(image(Map.of("web", "x", "worker", "y")), config, 2);
        Map<String, String> env = Manifests.environment(plan, Optional.of(8080));

        V1Container web = container(Manifests.deployment(plan, "web", 1, 1, env));

        assertThat(web.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(web.getLivenessProbe().getHttpGet().getPort().getIntValue()).as("the app's PORT").isEqualTo(8080);
        assertThat(web.getLivenessProbe().getInitialDelaySeconds()).isEqualTo(5);
        assertThat(web.getReadinessProbe().getTcpSocket().getPort().getIntValue()).isEqualTo(8080);
        assertThat(web.getLifecycle().getPostStart().getExec().getCommand())
                .containsExactly("/bin/bash", "-c", "echo started > /tmp/up");
        assertThat(web.getLifecycle().getPreStop().getExec().getCommand()).containsExactly("/bin/bash", "-c", "sleep 5");

        V1Container worker = container(Manifests.deployment(plan, "worker", 1, 1, env));
        assertThat(worker.getLivenessProbe()).isNull();
        assertThat(worker.getReadinessProbe()).isNull();
        assertThat(worker.getLifecycle()).isNull();
    }

    @Test
    void aMalformedHealthcheckFailsTheManifestWithWhereItIsWrong() {
        Config config = new Config(UUID.randomUUID(), "example-go", "ada", Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of("web", Map.of("readinessProbe", Map.of("tcpSocket", Map.of("port", "http")))),
                Map.of(), Map.of(), Map.of(), CREATED, CREATED);
        DeployPlan plan = plan(image(Map.of("web", "x")), config, 2);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Manifests.deployment(plan, "web", 1, 1, Map.of()))
                .isInstanceOf(dev.drydock.ports.error.InvalidException.class)
                .hasMessage("The readinessProbe of web is not a valid probe: tcpSocket.port must be a whole number"
                        + " from 1 to 65535, not \"http\"");
    }

    @Test
    void registryCredentialsAddThePullSecretToDeploymentsAndRunPods() {
        Config config = new Config(UUID.randomUUID(), "example-go", "ada", Map.of("PORT", "8080"), Map.of(), Map.of(),
                Map.of(), Map.of("username", "ada", "password", "pw"), Map.of(), Map.of(), Map.of(), Map.of(),
                CREATED, CREATED);
        DeployPlan plan = plan(image(Map.of("web", "x")), config, 2);

        assertThat(Manifests.deployment(plan, "web", 1, 1, Map.of()).getSpec().getTemplate().getSpec()
                .getImagePullSecrets()).extracting(ref -> ref.getName()).containsExactly("private-registry");
        assertThat(Manifests.runPod(plan, "example-go-run-abcde", "ls", Map.of()).getSpec().getImagePullSecrets())
                .extracting(ref -> ref.getName()).containsExactly("private-registry");

        DeployPlan open = plan(image(Map.of("web", "x")), config(Map.of()), 2);
        assertThat(Manifests.deployment(open, "web", 1, 1, Map.of()).getSpec().getTemplate().getSpec()
                .getImagePullSecrets()).isNullOrEmpty();
        assertThat(Manifests.runPod(open, "example-go-run-abcde", "ls", Map.of()).getSpec().getImagePullSecrets())
                .isNullOrEmpty();
    }

    @Test
    void theGracePeriodIsTheTypesThenTheConfigsThenUpstreamsDefault() {
        Config both = new Config(UUID.randomUUID(), "example-go", "ada",
                Map.of("KUBERNETES_POD_TERMINATION_GRACE_PERIOD_SECONDS", "45"), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of("web", "90"), CREATED, CREATED);
        assertThat(Manifests.graceSeconds(both, "web")).isEqualTo(90L);
        assertThat(Manifests.graceSeconds(both, "worker")).isEqualTo(45L);
        assertThat(Manifests.graceSeconds(config(Map.of()), "worker")).isEqualTo(30L);
    }

    private static V1Container container(V1Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Build image(Map<String, String> procfile) {
        return new Build(UUID.randomUUID(), "example-go", "ada", "registry.example/go:1", null, procfile, null,
                CREATED, CREATED);
    }

    private static Config config(Map<String, Object> values) {
        return new Config(UUID.randomUUID(), "example-go", "ada", values, Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of(), Map.of(), CREATED, CREATED);
    }

    private static DeployPlan plan(Build build, Config config, int version) {
        Release release = new Release(UUID.randomUUID(), "example-go", "ada", version, "ada changed PORT", false, null,
                config.uuid(), build.uuid(), CREATED, CREATED);
        return new DeployPlan("example-go", release, build, config, Map.of("web", 1), false);
    }

}
