package dev.drydock.k8s;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * A Kubernetes API server in CRUD mode (fabric8's mock) on a free port, and an official client for
 * it. It keeps objects and answers label selectors, but runs no controllers: start a
 * {@link dev.drydock.k8s.testing.StandInCluster} on it for pods, rollouts and namespaces that
 * take a while to go. Published in this module's test-jar; users also need
 * {@code io.fabric8:kubernetes-server-mock} and {@code io.fabric8:kubernetes-client-api} in test scope.
 *
 * <pre>{@code
 * try (MockApiServer server = new MockApiServer(); StandInCluster cluster = StandInCluster.start(server)) {
 *     Scheduler scheduler = new KubernetesScheduler(server.client());
 * }
 * }</pre>
 */
public final class MockApiServer implements AutoCloseable {
    private final KubernetesMockServer server;
    private final ApiClient client;

    /** Starts the server on a free port of 127.0.0.1, plain http. */
    public MockApiServer() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init();
        client = new ClientBuilder().setBasePath(server.url("/").replaceAll("/$", "")).build();
    }

    /** A client for this server. */
    public ApiClient client() {
        return client;
    }

    /** Answers every GET of this path (and query) with the body, before the CRUD store is asked. */
    public void expectGet(String pathAndQuery, String body) {
        server.expect().get().withPath(pathAndQuery).andReturn(200, body).always();
    }

    /** Stops the server; close a StandInCluster on it first. */
    /**
     * Answers the next {@code times} GETs of this path (and query) with a 500, as an API server
     * that is briefly unwell does; {@code times} below 0 answers every one so.
     */
    public void failGets(String pathAndQuery, int times) {
        var failing = server.expect().get().withPath(pathAndQuery)
                .andReturn(500, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                        + "\"message\":\"etcdserver: request timed out\",\"code\":500}");
        if (times < 0) {
            failing.always();
        } else {
            failing.times(times);
        }
    }

    @Override
    public void close() {
        server.destroy();
    }
}
