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
 * it. It keeps objects and answers label selectors, but runs no controllers.
 */
public final class MockApiServer implements AutoCloseable {
    private final KubernetesMockServer server;
    private final ApiClient client;

    public MockApiServer() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        server.init();
        client = new ClientBuilder().setBasePath(server.url("/").replaceAll("/$", "")).build();
    }

    public ApiClient client() {
        return client;
    }

    /** Answers every GET of this path (and query) with the body, before the CRUD store is asked. */
    public void expectGet(String pathAndQuery, String body) {
        server.expect().get().withPath(pathAndQuery).andReturn(200, body).always();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
