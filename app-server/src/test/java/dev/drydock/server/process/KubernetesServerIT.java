package dev.drydock.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.k8s.MockApiServer;
import dev.drydock.k8s.testing.StandInCluster;
import dev.drydock.server.HttpTestClient;
import dev.drydock.server.HttpTestClient.Reply;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.NetworkingV1Api;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server jar run with {@code --scheduler kubernetes} against an API server (fabric8's mock,
 * with a stand-in for the controllers and kubelet), driven over HTTP as a client would; after each
 * step, the cluster's objects are what the step should have made.
 */
class KubernetesServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLATFORM_DOMAIN = "apps.example.test";

    private static MockApiServer cluster;
    private static StandInCluster standIn;
    private static CoreV1Api core;
    private static AppsV1Api apps;
    private static NetworkingV1Api networking;

    @TempDir
    static Path work;

    @BeforeAll
    static void startCluster() {
        cluster = new MockApiServer();
        standIn = StandInCluster.start(cluster);
        ApiClient client = cluster.client();
        core = new CoreV1Api(client);
        apps = new AppsV1Api(client);
        networking = new NetworkingV1Api(client);
    }

    @AfterAll
    static void stopCluster() {
        standIn.close();
        cluster.close();
    }

    private static Path kubeconfig() throws IOException {
        return kubeconfig("kubeconfig.yaml", cluster.client().getBasePath());
    }

    private static Path kubeconfig(String name, String server) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: mock",
                "  cluster:",
                "    server: " + server,
                "users:",
                "- name: drydock",
                "  user:",
                "    token: mock-token",
                "contexts:",
                "- name: mock",
                "  context:",
                "    cluster: mock",
                "    user: drydock",
                "current-context: mock",
                ""), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aWholeAppLifeReachesTheCluster() throws Exception {
        Path log = ServerProcess.freshLog("kubernetes");
        Map<String, String> env = Map.of("KUBECONFIG", kubeconfig().toString(), "DRYCC_DEPLOY_TIMEOUT", "10",
                "DRYDOCK_PLATFORM_DOMAIN", PLATFORM_DOMAIN, "HOME", work.toString());
        try (ServerProcess server = ServerProcess.start(ServerProcess.jar(), work, log,
                List.of("--storage", "memory", "--scheduler", "kubernetes"), env)) {
            assertThat(server.output()).contains("scheduler: kubernetes on " + cluster.client().getBasePath());
            HttpTestClient http = new HttpTestClient();
            URI api = server.uri();
            String token = http.signUp(api, "ada");

            // an app is a namespace and a Service
            expect(http.send(api, "POST", "v2/apps", token, "{\"id\":\"shop\"}"), 201);
            assertThat(namespace("shop")).isPresent();
            assertThat(core.readNamespacedService("shop", "shop").execute().getMetadata().getLabels())
                    .containsEntry("app", "shop");

            // a build rolls out a Deployment per process type, with the release's env secret
            expect(http.send(api, "POST", "v2/apps/shop/builds", token,
                    "{\"image\":\"registry.example.com/shop:v1\",\"procfile\":{\"web\":\"bundle exec puma\","
                            + "\"worker\":\"bundle exec sidekiq\"}}"), 201);
            V1Deployment web = deployment("shop", "shop-web");
            assertThat(web.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .isEqualTo("registry.example.com/shop:v1");
            assertThat(web.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("version", "v2");
            assertThat(web.getSpec().getReplicas()).isEqualTo(1);
            assertThat(core.readNamespacedSecret("shop-v2-env", "shop").execute()).isNotNull();
            assertThat(podsOf("shop", "version=v2,type=web")).hasSize(1);

            // a config change is a new release, its env in a new secret; PORT moves the Service
            expect(http.send(api, "POST", "v2/apps/shop/config", token,
                    "{\"values\":{\"GREETING\":\"hello\",\"PORT\":\"8080\"}}"), 201);
            V1Secret env3 = core.readNamespacedSecret("shop-v3-env", "shop").execute();
            assertThat(new String(env3.getData().get("greeting"), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(deployment("shop", "shop-web").getSpec().getTemplate().getMetadata().getLabels())
                    .containsEntry("version", "v3");
            V1Service service = core.readNamespacedService("shop", "shop").execute();
            assertThat(service.getSpec().getPorts().get(0).getTargetPort().getIntValue()).isEqualTo(8080);

            // scale patches the replicas, and the pods come
            expect(http.send(api, "POST", "v2/apps/shop/scale", token, "{\"web\":3}"), 204);
            assertThat(deployment("shop", "shop-web").getSpec().getReplicas()).isEqualTo(3);
            awaitPods("shop", "version=v3,type=web", 3);
            JsonNode pods = JSON.readTree(expect(http.send(api, "GET", "v2/apps/shop/pods/web", token, null), 200)
                    .body()).get("results");
            assertThat(pods).hasSize(3);
            pods.forEach(pod -> assertThat(pod.get("state").asText()).isEqualTo("up"));

            // a domain, a certificate on it and HTTPS enforced: the Ingress, its TLS and the secret
            expect(http.send(api, "POST", "v2/apps/shop/domains", token, "{\"domain\":\"shop.example.com\"}"), 201);
            Certificates.Pem pem = Certificates.selfSigned("shop.example.com");
            expect(http.send(api, "POST", "v2/certs", token, JSON.writeValueAsString(Map.of("name", "shop-cert",
                    "certificate", pem.certificate(), "key", pem.key()))), 201);
            expect(http.send(api, "POST", "v2/certs/shop-cert/domain/", token,
                    "{\"domain\":\"shop.example.com\"}"), 201);
            expect(http.send(api, "POST", "v2/apps/shop/tls", token, "{\"https_enforced\":true}"), 201);
            V1Ingress ingress = networking.readNamespacedIngress("shop", "shop").execute();
            assertThat(ingress.getSpec().getRules()).extracting(V1IngressRule::getHost)
                    .containsExactlyInAnyOrder("shop." + PLATFORM_DOMAIN, "shop.example.com");
            assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
                assertThat(tls.getHosts()).containsExactly("shop.example.com");
                assertThat(tls.getSecretName()).isNotBlank();
            });
            assertThat(ingress.getMetadata().getAnnotations())
                    .containsEntry("nginx.ingress.kubernetes.io/ssl-redirect", "true");
            V1Secret tlsSecret = core.readNamespacedSecret(ingress.getSpec().getTls().get(0).getSecretName(), "shop")
                    .execute();
            assertThat(tlsSecret.getType()).isEqualTo("kubernetes.io/tls");
            assertThat(new String(tlsSecret.getData().get("tls.crt"), StandardCharsets.UTF_8))
                    .isEqualTo(pem.certificate());

            // a one-off command: its exit code comes back, and its pod is gone
            Reply run = expect(http.send(api, "POST", "v2/apps/shop/run", token,
                    "{\"command\":\"rake db:migrate; exit 3\"}"), 200);
            assertThat(JSON.readTree(run.body()).get("exit_code").asInt()).isEqualTo(3);
            assertThat(podsOf("shop", "type=run")).isEmpty();

            // a rollback to v2 runs v2's config again, as release v4
            expect(http.send(api, "POST", "v2/apps/shop/releases/rollback/", token, "{\"version\":2}"), 201);
            assertThat(deployment("shop", "shop-web").getSpec().getTemplate().getMetadata().getLabels())
                    .containsEntry("version", "v4");
            assertThat(core.readNamespacedSecret("shop-v4-env", "shop").execute().getData())
                    .doesNotContainKey("greeting");

            // a rollout whose image cannot be pulled is rolled back, and the client is told why
            Reply failed = http.send(api, "POST", "v2/apps/shop/builds", token,
                    "{\"image\":\"registry.example.com/shop:pull-fails\",\"procfile\":{\"web\":\"bundle exec puma\","
                            + "\"worker\":\"bundle exec sidekiq\"}}");
            assertThat(failed.status()).as(failed::toString).isEqualTo(400);
            assertThat(failed.body()).contains("ErrImagePull");
            V1Deployment after = deployment("shop", "shop-web");
            assertThat(after.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .isEqualTo("registry.example.com/shop:v1");
            assertThat(after.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("version", "v4");
            JsonNode releases = JSON.readTree(expect(http.send(api, "GET", "v2/apps/shop/releases", token, null),
                    200).body()).get("results");
            assertThat(releases.get(0).get("version").asInt()).isEqualTo(5);
            assertThat(releases.get(0).get("failed").asBoolean()).isTrue();

            // destroy takes the namespace away, and the same name can be had again at once
            expect(http.send(api, "DELETE", "v2/apps/shop", token, null), 204);
            assertThat(namespace("shop")).satisfiesAnyOf(
                    ns -> assertThat(ns).isEmpty(),
                    ns -> assertThat(ns.get().getMetadata().getDeletionTimestamp()).isNotNull());
            expect(http.send(api, "POST", "v2/apps", token, "{\"id\":\"shop\"}"), 201);
            assertThat(namespace("shop")).hasValueSatisfying(ns ->
                    assertThat(ns.getMetadata().getDeletionTimestamp()).isNull());
        }
    }

    @Test
    void aClusterThatCannotBeReachedIsA503WithItsReasonAndNothingIsKept() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path log = ServerProcess.freshLog("kubernetes-unreachable");
        Map<String, String> env = Map.of("KUBECONFIG", kubeconfig("gone.yaml", "http://127.0.0.1:" + closed).toString(),
                "DRYDOCK_KUBERNETES_TIMEOUT", "2", "HOME", work.toString());
        try (ServerProcess server = ServerProcess.start(ServerProcess.jar(), work, log,
                List.of("--storage", "memory", "--scheduler", "kubernetes"), env)) {
            HttpTestClient http = new HttpTestClient();
            String token = http.signUp(server.uri(), "ada");

            Reply created = http.send(server.uri(), "POST", "v2/apps", token, "{\"id\":\"nowhere\"}");

            assertThat(created.status()).as(created::toString).isEqualTo(503);
            assertThat(JSON.readTree(created.body()).get("detail").asText()).isNotBlank();
            assertThat(http.send(server.uri(), "GET", "v2/apps/nowhere", token, null).status()).isEqualTo(404);
            // one warning line, no stack trace
            assertThat(server.output()).doesNotContain("\tat ").doesNotContain(" ERROR ").contains("Connection refused");
        }
    }

    @Test
    void withoutAClusterTheServerSaysSoInOneLineAndExits() throws Exception {
        Path home = Files.createDirectories(work.resolve("empty-home"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ServerProcess.jar().toString(), "--port", "0", "--storage", "memory",
                "--scheduler", "kubernetes").directory(work.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("DRYDOCK_") || name.startsWith("KUBE"));
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output.strip()).doesNotContain("\n").contains("no Kubernetes cluster found")
                .contains("KUBECONFIG");
    }

    private static Reply expect(Reply reply, int status) {
        assertThat(reply.status()).as(reply::toString).isEqualTo(status);
        return reply;
    }

    private static Optional<V1Namespace> namespace(String name) throws ApiException {
        try {
            return Optional.of(core.readNamespace(name).execute());
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static V1Deployment deployment(String namespace, String name) throws ApiException {
        return apps.readNamespacedDeployment(name, namespace).execute();
    }

    private static List<V1Pod> podsOf(String namespace, String selector) throws ApiException {
        return core.listNamespacedPod(namespace).labelSelector(selector).execute().getItems().stream()
                .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                .toList();
    }

    private static void awaitPods(String namespace, String selector, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (podsOf(namespace, selector).size() != count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(podsOf(namespace, selector)).hasSize(count);
    }
}
