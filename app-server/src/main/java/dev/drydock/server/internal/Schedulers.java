package dev.drydock.server.internal;

import dev.drydock.k8s.KubernetesScheduler;
import dev.drydock.k8s.KubernetesSettings;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.server.ServerConfig;
import io.kubernetes.client.openapi.ApiClient;

/** The schedulers the standalone server can run apps on, made from its configuration. */
public final class Schedulers {
    private Schedulers() {
    }

    /**
     * The Kubernetes scheduler on this cluster client, with the configured deploy timeout and
     * routing.
     *
     * @throws IllegalArgumentException when a setting is not usable (the message names it)
     */
    public static Scheduler kubernetes(ApiClient client, ServerConfig.SchedulerConfig config) {
        return new KubernetesScheduler(client, settings(config));
    }

    static KubernetesSettings settings(ServerConfig.SchedulerConfig config) {
        KubernetesSettings settings = KubernetesSettings.defaults()
                .withDeployTimeout(config.deployTimeout())
                .withPlatformDomain(config.platformDomain());
        settings = config.ingressClass().map(settings::withIngressClass).orElse(settings);
        return config.httpsAnnotation().map(settings::withHttpsAnnotation).orElse(settings);
    }
}
