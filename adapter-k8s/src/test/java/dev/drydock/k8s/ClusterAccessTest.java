package dev.drydock.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the server finds its cluster, and that a cluster that stops answering cannot hold a call. */
class ClusterAccessTest {
    @TempDir
    Path home;

    private static String kubeconfig(String server) {
        return String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: test",
                "  cluster:",
                "    server: " + server,
                "users:",
                "- name: tester",
                "  user:",
                "    token: not-a-real-token",
                "contexts:",
                "- name: test-context",
                "  context:",
                "    cluster: test",
                "    user: tester",
                "current-context: test-context",
                "");
    }

    @Test
    void theKubeconfigNamedByKubeconfigComesFirst() throws Exception {
        try (MockApiServer server = new MockApiServer()) {
            Path file = home.resolve("elsewhere.yaml");
            Files.writeString(file, kubeconfig(server.client().getBasePath()));
            Files.createDirectories(home.resolve(".kube"));
            Files.writeString(home.resolve(".kube/config"), kubeconfig("http://127.0.0.1:1"));

            ClusterAccess access = ClusterAccess.find(Optional.of(file), home, Map.of(), Duration.ofSeconds(5));

            assertThat(access.client().getBasePath()).isEqualTo(server.client().getBasePath());
            assertThat(access.description()).contains(server.client().getBasePath()).contains(file.toString())
                    .contains("test-context").doesNotContain("not-a-real-token");
            // the client really reaches that cluster
            assertThat(new CoreV1Api(access.client()).listNamespace().execute().getItems()).isEmpty();
        }
    }

    @Test
    void withoutKubeconfigTheUsersOwnIsRead() throws Exception {
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), kubeconfig("https://cluster.example.com:6443"));

        ClusterAccess access = ClusterAccess.find(Optional.empty(), home, Map.of(), Duration.ofSeconds(5));

        assertThat(access.client().getBasePath()).isEqualTo("https://cluster.example.com:6443");
    }

    @Test
    void noClusterAnywhereIsSaidPlainly() {
        assertThatThrownBy(() -> ClusterAccess.find(Optional.empty(), home, Map.of(), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Kubernetes cluster found").hasMessageContaining("KUBECONFIG");
        assertThatThrownBy(() -> ClusterAccess.find(Optional.of(home.resolve("missing.yaml")), home, Map.of(),
                Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing.yaml");
    }

    @Test
    void aKubeconfigWithoutAServerIsRefused() throws Exception {
        Path file = home.resolve("empty.yaml");
        Files.writeString(file, "apiVersion: v1\nkind: Config\n");

        assertThatThrownBy(() -> ClusterAccess.find(Optional.of(file), home, Map.of(), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(file.toString());
    }

    @Test
    void aClusterThatNeverAnswersCannotHoldACall() throws Exception {
        // accepts connections and never answers
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Path file = home.resolve("silent.yaml");
            Files.writeString(file, kubeconfig("http://127.0.0.1:" + silent.getLocalPort()));
            ClusterAccess access = ClusterAccess.find(Optional.of(file), home, Map.of(), Duration.ofMillis(500));

            long start = System.nanoTime();
            assertThatThrownBy(() -> new CoreV1Api(access.client()).listNamespace().execute());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
