package dev.drydock.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.k8s.MockApiServer;
import dev.drydock.ports.error.UnavailableException;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.DeployPlan;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cluster calls against a Kubernetes API server in CRUD mode (the fabric8 mock). */
class ClusterTest {
    private static final Instant CREATED = Instant.parse("2026-11-27T10:15:30Z");
    private static MockApiServer server;
    private static Cluster cluster;

    @BeforeAll
    static void start() {
        server = new MockApiServer();
        cluster = new Cluster(server.client());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void namespacesAreMadeOnceAndDeletedOnceHarmlessly() {
        assertThat(cluster.namespace("ns-a")).isEmpty();
        cluster.ensureNamespace(Manifests.namespace("ns-a"));
        cluster.ensureNamespace(Manifests.namespace("ns-a"));
        assertThat(cluster.namespace("ns-a")).hasValueSatisfying(ns ->
                assertThat(ns.getMetadata().getLabels()).containsEntry("heritage", "drycc"));

        cluster.deleteNamespace("ns-a");
        cluster.deleteNamespace("ns-a");
        assertThat(cluster.namespace("ns-a")).isEmpty();
    }

    @Test
    void aReleasesSecretDeploymentAndServiceAreCreatedThenReplaced() {
        cluster.ensureNamespace(Manifests.namespace("example-go"));
        DeployPlan v2 = plan(2, Map.of("GREETING", "hi"));
        Map<String, String> env = Manifests.environment(v2, Optional.of(5000));
        cluster.applySecret(Manifests.envSecret(v2, env));
        cluster.applyDeployment(Manifests.deployment(v2, "web", 1, 1, env));
        cluster.applyService(Manifests.service("example-go", 5000, Optional.empty()));

        DeployPlan v3 = plan(3, Map.of("GREETING", "hello"));
        Map<String, String> env3 = Manifests.environment(v3, Optional.of(8080));
        cluster.applySecret(Manifests.envSecret(v3, env3));
        cluster.applyDeployment(Manifests.deployment(v3, "web", 4, 1, env3));
        cluster.applyService(Manifests.service("example-go", 8080, Optional.of("web")));
        cluster.applyService(Manifests.service("example-go", 8080, Optional.of("web")));

        assertThat(cluster.secret("example-go", "example-go-v2-env")).isPresent();
        assertThat(cluster.secret("example-go", "example-go-v3-env")).hasValueSatisfying(secret ->
                assertThat(new String(secret.getData().get("greeting"), StandardCharsets.UTF_8)).isEqualTo("hello"));
        V1Deployment web = cluster.deployment("example-go", "example-go-web").orElseThrow();
        assertThat(web.getSpec().getReplicas()).isEqualTo(4);
        assertThat(web.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("version", "v3");
        assertThat(cluster.service("example-go", "example-go")).hasValueSatisfying(service -> {
            assertThat(service.getSpec().getPorts().get(0).getTargetPort().getIntValue()).isEqualTo(8080);
            assertThat(service.getSpec().getSelector()).containsEntry("type", "web");
        });
    }

    @Test
    void podsAreListedByTheirLabels() throws Exception {
        cluster.ensureNamespace(Manifests.namespace("pods-app"));
        var core = new io.kubernetes.client.openapi.apis.CoreV1Api(server.client());
        for (String type : new String[] {"web", "worker"}) {
            core.createNamespacedPod("pods-app", new V1Pod().apiVersion("v1").kind("Pod").metadata(new V1ObjectMeta()
                    .name("pods-app-" + type + "-1").labels(Map.of("app", "pods-app", "type", type, "version", "v2")))
                    .spec(new io.kubernetes.client.openapi.models.V1PodSpec().containers(java.util.List.of(
                            new io.kubernetes.client.openapi.models.V1Container().name("c").image("i"))))).execute();
        }

        assertThat(cluster.pods("pods-app", "app=pods-app,type=web"))
                .extracting(p -> p.getMetadata().getName()).containsExactly("pods-app-web-1");
        assertThat(cluster.pods("pods-app", "app=pods-app")).hasSize(2);
    }

    @Test
    void anIngressIsCreatedReplacedAndDeletedOnceHarmlessly() {
        cluster.ensureNamespace(Manifests.namespace("ing"));
        dev.drydock.ports.spi.Routing one = new dev.drydock.ports.spi.Routing("ing", java.util.List.of("a.example.com"),
                java.util.List.of(), false);
        dev.drydock.ports.spi.Routing two = new dev.drydock.ports.spi.Routing("ing",
                java.util.List.of("a.example.com", "b.example.com"), java.util.List.of(), true);
        cluster.applyIngress(Ingresses.ingress(one, Optional.empty(), "nginx", "x/https").orElseThrow());
        cluster.applyIngress(Ingresses.ingress(two, Optional.empty(), "nginx", "x/https").orElseThrow());

        assertThat(cluster.ingress("ing", "ing")).hasValueSatisfying(ingress -> {
            assertThat(ingress.getSpec().getRules()).hasSize(2);
            assertThat(ingress.getMetadata().getAnnotations()).containsEntry("x/https", "true");
        });
        cluster.deleteIngress("ing", "ing");
        cluster.deleteIngress("ing", "ing");
        assertThat(cluster.ingress("ing", "ing")).isEmpty();
    }

    @Test
    void secretsAreListedByTheirLabelsAndDeletedOnceHarmlessly() {
        cluster.ensureNamespace(Manifests.namespace("certs"));
        cluster.applySecret(Ingresses.certificateSecret("certs", new dev.drydock.ports.spi.Routing.TlsCertificate(
                "one", java.util.List.of("a.example.com"), "C", "K")));
        // an env secret of the same app: not a certificate's
        cluster.applySecret(new io.kubernetes.client.openapi.models.V1Secret().apiVersion("v1").kind("Secret")
                .metadata(new V1ObjectMeta().name("certs-v2-env").namespace("certs")
                        .labels(Map.of("app", "certs", "heritage", "drycc", "type", "env"))));

        assertThat(cluster.secrets("certs", Ingresses.certificateSelector("certs")))
                .extracting(s -> s.getMetadata().getName()).containsExactly("one-cert");
        cluster.deleteSecret("certs", "one-cert");
        cluster.deleteSecret("certs", "one-cert");
        assertThat(cluster.secret("certs", "one-cert")).isEmpty();
    }

    @Test
    void anUnreachableClusterIsUnavailableWithItsMessage() {
        Cluster down = new Cluster(new ClientBuilder().setBasePath("http://127.0.0.1:1").build());
        assertThatThrownBy(() -> down.namespace("any")).isInstanceOf(UnavailableException.class)
                .hasMessageStartingWith("Kubernetes could not read namespace any: unreachable (");
        assertThatThrownBy(() -> down.deleteIngress("any", "any")).isInstanceOf(UnavailableException.class)
                .hasMessageStartingWith("Kubernetes could not delete ingress any/any: unreachable (");
    }

    private static DeployPlan plan(int version, Map<String, Object> values) {
        Build build = new Build(UUID.randomUUID(), "example-go", "ada", "registry.example/go:1", null,
                Map.of("web", "./serve"), null, CREATED, CREATED);
        Config config = new Config(UUID.randomUUID(), "example-go", "ada", values, Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), CREATED, CREATED);
        Release release = new Release(UUID.randomUUID(), "example-go", "ada", version, "ada changed GREETING", false,
                null, config.uuid(), build.uuid(), CREATED, CREATED);
        return new DeployPlan("example-go", release, build, config, Map.of("web", 1), false);
    }
}
