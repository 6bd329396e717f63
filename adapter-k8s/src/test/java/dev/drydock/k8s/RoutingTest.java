package dev.drydock.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.spi.Routing.TlsCertificate;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.NetworkingV1Api;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressTLS;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
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
 * What {@link KubernetesScheduler#route} leaves on a cluster (the fabric8 mock in CRUD mode), read
 * back with the official client: the app's Ingress, its TLS secrets and the router annotations.
 */
class RoutingTest {
    private static final TlsCertificate SHOP_CERT = new TlsCertificate("shop-tls",
            List.of("shop.example.com", "www.example.com"), "-----BEGIN CERTIFICATE-----\nCERT\n", "-----KEY-----\n");
    private static MockApiServer server;
    private static CoreV1Api core;
    private static NetworkingV1Api networking;
    private static KubernetesScheduler scheduler;

    @BeforeAll
    static void start() {
        server = new MockApiServer();
        core = new CoreV1Api(server.client());
        networking = new NetworkingV1Api(server.client());
        scheduler = new KubernetesScheduler(server.client(), KubernetesSettings.defaults()
                .withPlatformDomain("apps.example.net").withIngressClass("public")
                .withHttpsAnnotation("example.com/force-https"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void eachDomainIsARuleSendingEveryPathToTheServicesPort() throws Exception {
        scheduler.route(new Routing("shop", List.of("shop", "shop.example.com", "www.example.com"), List.of(), false));

        V1Ingress ingress = networking.readNamespacedIngress("shop", "shop").execute();
        assertThat(ingress.getMetadata().getLabels()).containsExactly(Map.entry("app", "shop"),
                Map.entry("heritage", "drycc"));
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("public");
        assertThat(ingress.getSpec().getRules()).extracting(V1IngressRule::getHost)
                .as("the bare default domain is served under the platform domain")
                .containsExactly("shop.apps.example.net", "shop.example.com", "www.example.com");
        int servicePort = core.readNamespacedService("shop", "shop").execute().getSpec().getPorts().get(0).getPort();
        for (V1IngressRule rule : ingress.getSpec().getRules()) {
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getPath()).isEqualTo("/");
                assertThat(path.getPathType()).isEqualTo("Prefix");
                assertThat(path.getBackend().getService().getName()).isEqualTo("shop");
                assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(servicePort);
            });
        }
        assertThat(ingress.getSpec().getTls()).isNullOrEmpty();
        assertThat(ingress.getMetadata().getAnnotations()).containsExactly(Map.entry("example.com/force-https", "false"));
    }

    @Test
    void withoutAPlatformDomainABareDomainHasNoRuleAndAnAppWithNoRuleHasNoIngress() throws Exception {
        KubernetesScheduler plain = new KubernetesScheduler(server.client(), KubernetesSettings.defaults());
        plain.route(new Routing("blog", List.of("blog", "blog.example.com"), List.of(), false));
        V1Ingress ingress = networking.readNamespacedIngress("blog", "blog").execute();
        assertThat(ingress.getSpec().getRules()).extracting(V1IngressRule::getHost).containsExactly("blog.example.com");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getMetadata().getAnnotations())
                .containsExactly(Map.entry("nginx.ingress.kubernetes.io/ssl-redirect", "false"));

        plain.route(new Routing("blog", List.of("blog"), List.of(), false));

        assertThat(networking.listNamespacedIngress("blog").execute().getItems())
                .as("the last rule gone, the Ingress goes").isEmpty();
        plain.route(new Routing("blog", List.of(), List.of(), false));
        assertThat(networking.listNamespacedIngress("blog").execute().getItems()).isEmpty();
    }

    @Test
    void eachCertificateIsATlsSecretAndATlsEntryForTheHostsItServes() throws Exception {
        TlsCertificate bare = new TlsCertificate("bare-tls", List.of("store"), "BARE CERT", "BARE KEY");
        scheduler.route(new Routing("store", List.of("shop.example.com", "store", "www.example.com"),
                List.of(bare, SHOP_CERT), true));

        V1Secret secret = core.readNamespacedSecret("shop-tls-cert", "store").execute();
        assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(secret.getMetadata().getLabels()).containsEntry("app", "store").containsEntry("heritage", "drycc")
                .containsEntry("type", "certificate");
        assertThat(secret.getData()).containsOnlyKeys("tls.crt", "tls.key");
        assertThat(new String(secret.getData().get("tls.crt"), StandardCharsets.UTF_8))
                .isEqualTo(SHOP_CERT.certificatePem());
        assertThat(new String(secret.getData().get("tls.key"), StandardCharsets.UTF_8)).isEqualTo(SHOP_CERT.keyPem());
        V1Ingress ingress = networking.readNamespacedIngress("store", "store").execute();
        assertThat(ingress.getSpec().getTls()).extracting(V1IngressTLS::getSecretName, V1IngressTLS::getHosts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bare-tls-cert", List.of("store.apps.example.net")),
                        org.assertj.core.groups.Tuple.tuple("shop-tls-cert",
                                List.of("shop.example.com", "www.example.com")));
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("example.com/force-https", "true");
        assertThat(core.readNamespacedService("store", "store").execute().getMetadata().getAnnotations())
                .containsEntry("router.drycc.cc/certificates",
                        "store:bare-tls,shop.example.com:shop-tls,www.example.com:shop-tls")
                .containsEntry("router.drycc.cc/ssl.enforce", "True");
    }

    @Test
    void theSecretOfADetachedCertificateIsDeletedAndOtherSecretsAreKept() throws Exception {
        TlsCertificate other = new TlsCertificate("other-tls", List.of("api.example.com"), "OTHER", "OTHER KEY");
        scheduler.route(new Routing("detach", List.of("api.example.com", "shop.example.com"),
                List.of(other, SHOP_CERT), true));
        core.createNamespacedSecret("detach", new V1Secret().apiVersion("v1").kind("Secret")
                .metadata(new V1ObjectMeta().name("mine-cert").labels(Map.of("app", "detach")))
                .stringData(Map.of("a", "b"))).execute();

        scheduler.route(new Routing("detach", List.of("api.example.com", "shop.example.com"), List.of(other), true));

        assertThat(core.listNamespacedSecret("detach").execute().getItems())
                .extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("other-tls-cert", "mine-cert");
        assertThat(networking.readNamespacedIngress("detach", "detach").execute().getSpec().getTls())
                .extracting(V1IngressTLS::getSecretName).containsExactly("other-tls-cert");

        scheduler.route(new Routing("detach", List.of("api.example.com", "shop.example.com"), List.of(), false));
        assertThat(core.listNamespacedSecret("detach").execute().getItems())
                .extracting(s -> s.getMetadata().getName()).containsExactly("mine-cert");
        assertThat(networking.readNamespacedIngress("detach", "detach").execute().getSpec().getTls())
                .isNullOrEmpty();
    }

    @Test
    void routingTheSameAgainLeavesTheSameObjects() throws Exception {
        Routing routing = new Routing("again", List.of("again", "again.example.com"), List.of(
                new TlsCertificate("again-tls", List.of("again.example.com"), "C", "K")), true);
        scheduler.route(routing);
        V1Ingress first = networking.readNamespacedIngress("again", "again").execute();
        Map<String, byte[]> firstSecret = core.readNamespacedSecret("again-tls-cert", "again").execute().getData();

        scheduler.route(routing);

        V1Ingress second = networking.readNamespacedIngress("again", "again").execute();
        assertThat(second.getSpec()).isEqualTo(first.getSpec());
        assertThat(second.getMetadata().getAnnotations()).isEqualTo(first.getMetadata().getAnnotations());
        assertThat(second.getMetadata().getLabels()).isEqualTo(first.getMetadata().getLabels());
        assertThat(networking.listNamespacedIngress("again").execute().getItems()).hasSize(1);
        assertThat(core.readNamespacedSecret("again-tls-cert", "again").execute().getData())
                .containsOnlyKeys(firstSecret.keySet());
    }

    @Test
    void aCertificateWithoutItsKeyIsRefusedBeforeAnythingIsWritten() throws ApiException {
        TlsCertificate keyless = new TlsCertificate("keyless", List.of("x.example.com"), "C", null);

        assertThatThrownBy(() -> scheduler.route(new Routing("keyless", List.of("x.example.com"), List.of(keyless),
                false)))
                .isInstanceOf(InvalidException.class)
                .hasMessage("Certificate keyless has no certificate or no key");
        assertThat(core.listNamespace().fieldSelector("metadata.name=keyless").execute().getItems()).isEmpty();
    }

    @Test
    void creatingTheAppAfterItsRoutingKeepsTheIngress() throws Exception {
        scheduler.route(new Routing("kept", List.of("kept.example.com"), List.of(), false));
        V1Ingress before = networking.readNamespacedIngress("kept", "kept").execute();

        scheduler.create("kept");

        assertThat(networking.readNamespacedIngress("kept", "kept").execute().getSpec()).isEqualTo(before.getSpec());
        assertThat(core.readNamespacedService("kept", "kept").execute().getMetadata().getAnnotations())
                .containsEntry("router.drycc.cc/domains", "kept.example.com");
    }

    @Test
    void aDeployKeepsTheRoutingOnTheService() throws Exception {
        scheduler.route(new Routing("redeployed", List.of("redeployed.example.com"), List.of(), true));
        Instant now = Instant.parse("2026-11-27T10:15:30Z");
        Build build = new Build(UUID.randomUUID(), "redeployed", "ada", "registry.example/r:1", null, Map.of(), null,
                now, now);
        Config config = Config.initial(UUID.randomUUID(), "redeployed", "ada", now);
        Release release = new Release(UUID.randomUUID(), "redeployed", "ada", 2, "ada deployed", false, null,
                config.uuid(), build.uuid(), now, now);

        scheduler.deploy(new DeployPlan("redeployed", release, build, config, Map.of(), false));

        V1ObjectMeta service = core.readNamespacedService("redeployed", "redeployed").execute().getMetadata();
        assertThat(service.getLabels()).containsEntry("router.drycc.cc/routable", "true").containsEntry("app", "redeployed");
        assertThat(service.getAnnotations()).containsEntry("router.drycc.cc/ssl.enforce", "True");
    }
}
