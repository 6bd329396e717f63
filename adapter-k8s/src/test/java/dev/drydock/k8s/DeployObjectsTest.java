package dev.drydock.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.DeployPlan;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a deploy and a scale write to the cluster (the fabric8 mock in CRUD mode) for a config with
 * a healthcheck, lifecycle hooks and registry credentials, read back with the official client.
 * Types are deployed at 0 so that no rollout has to be waited for.
 */
class DeployObjectsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");
    private static MockApiServer server;
    private static CoreV1Api core;
    private static AppsV1Api apps;
    private static KubernetesScheduler scheduler;
    // a scale waits for its pods
    private static dev.drydock.k8s.testing.StandInCluster standIn;

    @BeforeAll
    static void start() {
        server = new MockApiServer();
        standIn = dev.drydock.k8s.testing.StandInCluster.start(server);
        core = new CoreV1Api(server.client());
        apps = new AppsV1Api(server.client());
        scheduler = new KubernetesScheduler(server.client(), KubernetesSettings.defaults()
                .withDeployTimeout(java.time.Duration.ofSeconds(5)).withPoll(java.time.Duration.ofMillis(20)));
    }

    @AfterAll
    static void stop() {
        standIn.close();
        server.close();
    }

    @Test
    void theDeploymentCarriesTheProbesHooksAndPullSecretWhichIsWrittenToo() throws Exception {
        Config config = config("private", Map.of("web", Map.of(
                        "livenessProbe", Map.of("httpGet", Map.of("path", "/healthz"), "periodSeconds", 7),
                        "readinessProbe", Map.of("exec", Map.of("command", List.of("test", "-f", "/tmp/ready"))))),
                Map.of("username", "ada", "password", "pw"));

        scheduler.deploy(plan("private", config, Map.of("web", 0)));

        V1Secret pull = core.readNamespacedSecret("private-registry", "private").execute();
        assertThat(pull.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
        assertThat(new String(pull.getData().get(".dockerconfigjson"), StandardCharsets.UTF_8))
                .startsWith("{\"auths\":{\"registry.example\":{\"username\":\"ada\",\"password\":\"pw\"");
        V1PodSpec pod = apps.readNamespacedDeployment("private-web", "private").execute().getSpec().getTemplate()
                .getSpec();
        assertThat(pod.getImagePullSecrets()).extracting(V1LocalObjectReference::getName)
                .containsExactly("private-registry");
        V1Container web = pod.getContainers().get(0);
        assertThat(web.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(web.getLivenessProbe().getHttpGet().getPort().getIntValue()).as("the app's PORT").isEqualTo(8080);
        assertThat(web.getLivenessProbe().getPeriodSeconds()).isEqualTo(7);
        assertThat(web.getReadinessProbe().getExec().getCommand()).containsExactly("test", "-f", "/tmp/ready");
        assertThat(web.getLifecycle().getPreStop().getExec().getCommand())
                .containsExactly("/bin/bash", "-c", "./drain");
    }

    @Test
    void aScaleThatMakesADeploymentWritesThePullSecretFirst() throws Exception {
        Config config = config("scaled", Map.of(), Map.of("username", "ada", "password", "pw"));

        scheduler.scale(plan("scaled", config, Map.of("worker", 0)));

        assertThat(core.readNamespacedSecret("private-registry", "scaled").execute().getType())
                .isEqualTo("kubernetes.io/dockerconfigjson");
        assertThat(apps.readNamespacedDeployment("scaled-worker", "scaled").execute().getSpec().getTemplate()
                .getSpec().getImagePullSecrets()).extracting(V1LocalObjectReference::getName)
                .containsExactly("private-registry");
    }

    @Test
    void aMalformedHealthcheckFailsTheDeployBeforeAnythingIsWritten() throws Exception {
        Config config = config("broken", Map.of("web", Map.of("livenessProbe", Map.of("tcpSocket", Map.of()))),
                Map.of("username", "ada", "password", "pw"));

        assertThatThrownBy(() -> scheduler.deploy(plan("broken", config, Map.of("web", 0))))
                .isInstanceOf(InvalidException.class)
                .hasMessage("The livenessProbe of web is not a valid probe: tcpSocket.port must be a whole number"
                        + " from 1 to 65535, not null");
        assertThat(core.listNamespace().fieldSelector("metadata.name=broken").execute().getItems())
                .as("not even the namespace").isEmpty();
    }

    @Test
    void withoutCredentialsNoPullSecretIsWrittenOrNamed() throws Exception {
        scheduler.deploy(plan("public", config("public", Map.of(), Map.of()), Map.of("web", 0)));

        assertThat(core.listNamespacedSecret("public").execute().getItems()).extracting(s -> s.getMetadata().getName())
                .containsExactly("public-v2-env");
        assertThat(apps.readNamespacedDeployment("public-web", "public").execute().getSpec().getTemplate().getSpec()
                .getImagePullSecrets()).isNullOrEmpty();
    }

    private static Config config(String app, Map<String, Object> healthcheck, Map<String, String> registry) {
        return new Config(UUID.randomUUID(), app, "ada", Map.of("PORT", "8080"), Map.of(), Map.of(), Map.of(),
                registry, healthcheck, Map.of(), Map.of("web", "./drain"), Map.of(), NOW, NOW);
    }

    private static DeployPlan plan(String app, Config config, Map<String, Integer> structure) {
        Build build = new Build(UUID.randomUUID(), app, "ada", "registry.example/" + app + ":1", null,
                Map.of("web", "./serve", "worker", "./work"), null, NOW, NOW);
        Release release = new Release(UUID.randomUUID(), app, "ada", 2, "ada deployed", false, null, config.uuid(),
                build.uuid(), NOW, NOW);
        return new DeployPlan(app, release, build, config, structure, false);
    }
}
