package dev.drydock.k8s;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client for the cluster the server runs apps on, found as kubectl finds it: the kubeconfig file
 * named by {@code KUBECONFIG}, else {@code ~/.kube/config}, else the service account of the pod the
 * server runs in. Unlike the client library's own default, it never falls back to
 * {@code localhost:8080}: a server with no cluster says so at start.
 *
 * @param client      the client, each of whose calls is bounded by the call timeout
 * @param description which cluster, for the start-up log (never a credential)
 */
public record ClusterAccess(ApiClient client, String description) {
    private static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    public ClusterAccess {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Finds the cluster and makes its client.
     *
     * @param kubeconfig  the file {@code KUBECONFIG} names, if it names one
     * @param home        the user's home directory, where {@code .kube/config} may be
     * @param env         the environment, for the in-cluster service's address
     * @param callTimeout how long one call may take, connecting, sending and reading included
     * @throws IllegalStateException when no cluster can be found, or its kubeconfig cannot be read
     */
    public static ClusterAccess find(Optional<Path> kubeconfig, Path home, Map<String, String> env,
                                     Duration callTimeout) {
        Objects.requireNonNull(callTimeout, "callTimeout");
        try {
            if (kubeconfig.isPresent()) {
                Path file = kubeconfig.get();
                if (!Files.isReadable(file)) {
                    throw new IllegalStateException("KUBECONFIG names " + file + ", which cannot be read");
                }
                return fromKubeconfig(file, callTimeout);
            }
            Path own = home.resolve(".kube").resolve("config");
            if (Files.isReadable(own)) {
                return fromKubeconfig(own, callTimeout);
            }
            if (env.get("KUBERNETES_SERVICE_HOST") != null && Files.isReadable(SERVICE_ACCOUNT_TOKEN)) {
                ApiClient client = bounded(ClientBuilder.cluster().build(), callTimeout);
                return new ClusterAccess(client, client.getBasePath() + " (in-cluster service account)");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw (IllegalStateException) e;
            }
            throw new IllegalStateException("cannot read the cluster's configuration: " + e.getMessage(), e);
        }
        throw new IllegalStateException("no Kubernetes cluster found: set KUBECONFIG, put a kubeconfig in "
                + own(home) + ", or run the server in a pod with a service account");
    }

    private static String own(Path home) {
        return home.resolve(".kube").resolve("config").toString();
    }

    private static ClusterAccess fromKubeconfig(Path file, Duration callTimeout) throws IOException {
        KubeConfig config;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            config = KubeConfig.loadKubeConfig(reader);
        }
        if (config == null || config.getServer() == null) {
            throw new IllegalStateException("the kubeconfig " + file + " names no cluster server for its "
                    + "current context");
        }
        // certificate and key files named in it are relative to the kubeconfig itself
        config.setFile(file.toFile());
        ApiClient client = bounded(ClientBuilder.kubeconfig(config).build(), callTimeout);
        return new ClusterAccess(client, config.getServer() + " (kubeconfig " + file + ", context "
                + config.getCurrentContext() + ")");
    }

    /** Every call, however long its answer, ends within the timeout: a stalled cluster never holds a caller. */
    static ApiClient bounded(ApiClient client, Duration callTimeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, callTimeout.toMillis());
        client.setConnectTimeout(millis);
        client.setReadTimeout(millis);
        client.setWriteTimeout(millis);
        client.setHttpClient(client.getHttpClient().newBuilder().callTimeout(callTimeout).build());
        return client;
    }
}
