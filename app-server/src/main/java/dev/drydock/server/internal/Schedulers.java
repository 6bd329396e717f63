package dev.drydock.server.internal;

import dev.drydock.k8s.KubernetesScheduler;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.server.ServerConfig;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Duration;

/** The schedulers the standalone server can run apps on, made from its configuration. */
public final class Schedulers {
    private static final Duration POLL = Duration.ofMillis(500);

    private Schedulers() {
    }

    /** The Kubernetes scheduler on this cluster client, with the configured timeouts and routing. */
    public static Scheduler kubernetes(ApiClient client, ServerConfig.SchedulerConfig config) {
        return new KubernetesScheduler(client, config.deployTimeout(), POLL);
    }
}
