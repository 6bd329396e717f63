package dev.drydock.k8s.internal;

import dev.drydock.ports.error.DrydockException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.NetworkingV1Api;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The calls Drydock makes to a cluster, each answering in Drydock's terms: a missing object is an
 * empty Optional, a cluster that cannot be reached or refuses is "unavailable" with its message,
 * and writes are create-or-replace so that doing one again is harmless. Every call is bounded by
 * the client's timeouts.
 */
public final class Cluster {
    private static final int CONFLICT_ATTEMPTS = 5;

    private static final Duration DEFAULT_NAMESPACE_WAIT = Duration.ofSeconds(120);
    private static final Duration DEFAULT_POLL = Duration.ofMillis(500);

    private final CoreV1Api core;
    private final AppsV1Api apps;
    private final NetworkingV1Api networking;
    private final Duration namespaceWait;
    private final Duration poll;

    public Cluster(ApiClient client) {
        this(client, DEFAULT_NAMESPACE_WAIT, DEFAULT_POLL);
    }

    /**
     * @param namespaceWait how long {@link #ensureNamespace} waits for a namespace of the same name to finish terminating
     * @param poll          how often it looks
     */
    public Cluster(ApiClient client, Duration namespaceWait, Duration poll) {
        this.core = new CoreV1Api(client);
        this.apps = new AppsV1Api(client);
        this.networking = new NetworkingV1Api(client);
        this.namespaceWait = namespaceWait;
        this.poll = poll;
    }

    /** What a call does, for the error message. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws ApiException;
    }

    public Optional<V1Namespace> namespace(String name) {
        return find(() -> core.readNamespace(name).execute(), "read namespace " + name);
    }

    /**
     * Makes the namespace unless it is there. One of the same name still terminating (an app
     * destroyed and made again) is waited for until it is gone, polling, up to the namespace wait;
     * a create answered 409 (made meanwhile, or terminating) is looked at again the same way.
     *
     * @throws DrydockException unavailable when the old namespace is still there when the wait is up
     */
    public void ensureNamespace(V1Namespace namespace) {
        String name = namespace.getMetadata().getName();
        long deadline = System.nanoTime() + namespaceWait.toNanos();
        while (true) {
            Optional<V1Namespace> existing = namespace(name);
            if (existing.isPresent() && !terminating(existing.get())) {
                return;
            }
            if (existing.isEmpty()) {
                try {
                    core.createNamespace(namespace).execute();
                    return;
                } catch (ApiException e) {
                    if (e.getCode() != 409) {
                        throw refused("create namespace " + name, e);
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw DrydockException.unavailable("Kubernetes could not create namespace " + name
                        + ": a namespace of that name was still terminating after " + namespaceWait.toSeconds()
                        + " s; try again once it is gone");
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DrydockException.unavailable("interrupted while waiting for namespace " + name
                        + " to finish terminating", e);
            }
        }
    }

    /** Whether the namespace is on its way out: deleted, or said to be terminating. */
    public static boolean terminating(V1Namespace namespace) {
        return namespace.getMetadata() != null && namespace.getMetadata().getDeletionTimestamp() != null
                || namespace.getStatus() != null && "Terminating".equals(namespace.getStatus().getPhase());
    }

    /** Deletes the namespace and all in it; one already gone is fine. */
    public void deleteNamespace(String name) {
        try {
            core.deleteNamespace(name).execute();
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw refused("delete namespace " + name, e);
            }
        }
    }

    public Optional<V1Secret> secret(String namespace, String name) {
        return find(() -> core.readNamespacedSecret(name, namespace).execute(),
                "read secret " + namespace + "/" + name);
    }

    public void applySecret(V1Secret secret) {
        String ns = secret.getMetadata().getNamespace();
        String name = secret.getMetadata().getName();
        Optional<V1Secret> existing = secret(ns, name);
        call(() -> existing.isPresent()
                ? core.replaceNamespacedSecret(name, ns, withVersion(secret, existing.get().getMetadata()
                        .getResourceVersion())).execute()
                : core.createNamespacedSecret(ns, secret).execute(), "write secret " + ns + "/" + name);
    }

    /** The namespace's secrets whose labels match the selector. */
    public List<V1Secret> secrets(String namespace, String labelSelector) {
        return call(() -> core.listNamespacedSecret(namespace).labelSelector(labelSelector).execute().getItems(),
                "list secrets in " + namespace);
    }

    /** Deletes a secret; one already gone is fine. */
    public void deleteSecret(String namespace, String name) {
        gone(() -> core.deleteNamespacedSecret(name, namespace).execute(), "delete secret " + namespace + "/" + name);
    }

    public Optional<V1Ingress> ingress(String namespace, String name) {
        return find(() -> networking.readNamespacedIngress(name, namespace).execute(),
                "read ingress " + namespace + "/" + name);
    }

    /**
     * Creates or replaces the Ingress. The ingress controller writes its status, so a replacement
     * that meets a newer version (409) reads it again and retries, as does a create that meets one
     * made meanwhile.
     */
    public void applyIngress(V1Ingress ingress) {
        String ns = ingress.getMetadata().getNamespace();
        String name = ingress.getMetadata().getName();
        for (int attempt = 1; ; attempt++) {
            Optional<V1Ingress> existing = ingress(ns, name);
            try {
                if (existing.isPresent()) {
                    ingress.getMetadata().resourceVersion(existing.get().getMetadata().getResourceVersion());
                    networking.replaceNamespacedIngress(name, ns, ingress).execute();
                } else {
                    ingress.getMetadata().resourceVersion(null);
                    networking.createNamespacedIngress(ns, ingress).execute();
                }
                return;
            } catch (ApiException e) {
                if (e.getCode() != 409 || attempt >= CONFLICT_ATTEMPTS) {
                    throw refused((existing.isPresent() ? "replace" : "create") + " ingress " + ns + "/" + name, e);
                }
            }
        }
    }

    /** Deletes an Ingress; one already gone is fine. */
    public void deleteIngress(String namespace, String name) {
        gone(() -> networking.deleteNamespacedIngress(name, namespace).execute(),
                "delete ingress " + namespace + "/" + name);
    }

    public Optional<V1Deployment> deployment(String namespace, String name) {
        return find(() -> apps.readNamespacedDeployment(name, namespace).execute(),
                "read deployment " + namespace + "/" + name);
    }

    /**
     * Creates or replaces the Deployment. The cluster's controllers write its status all the
     * while, so a replacement that meets a newer version (409) reads it again and retries.
     */
    public void applyDeployment(V1Deployment deployment) {
        String ns = deployment.getMetadata().getNamespace();
        String name = deployment.getMetadata().getName();
        for (int attempt = 1; ; attempt++) {
            Optional<V1Deployment> existing = deployment(ns, name);
            try {
                if (existing.isPresent()) {
                    deployment.getMetadata().resourceVersion(existing.get().getMetadata().getResourceVersion());
                    apps.replaceNamespacedDeployment(name, ns, deployment).execute();
                } else {
                    apps.createNamespacedDeployment(ns, deployment).execute();
                }
                return;
            } catch (ApiException e) {
                if (e.getCode() != 409 || attempt >= CONFLICT_ATTEMPTS) {
                    throw refused((existing.isPresent() ? "replace" : "create") + " deployment " + ns + "/" + name, e);
                }
            }
        }
    }

    public Optional<V1Service> service(String namespace, String name) {
        return find(() -> core.readNamespacedService(name, namespace).execute(),
                "read service " + namespace + "/" + name);
    }

    public void applyService(V1Service service) {
        String ns = service.getMetadata().getNamespace();
        String name = service.getMetadata().getName();
        Optional<V1Service> existing = service(ns, name);
        if (existing.isPresent()) {
            service.getMetadata().resourceVersion(existing.get().getMetadata().getResourceVersion());
            // the cluster gave the service its address, which a replacement must keep
            service.getSpec().clusterIP(existing.get().getSpec().getClusterIP());
            call(() -> core.replaceNamespacedService(name, ns, service).execute(), "replace service " + ns + "/" + name);
        } else {
            call(() -> core.createNamespacedService(ns, service).execute(), "create service " + ns + "/" + name);
        }
    }

    /** The namespace's pods whose labels match the selector ({@code app=x,type=web}). */
    public List<V1Pod> pods(String namespace, String labelSelector) {
        return call(() -> core.listNamespacedPod(namespace).labelSelector(labelSelector).execute().getItems(),
                "list pods in " + namespace);
    }

    public Optional<V1Pod> pod(String namespace, String name) {
        return find(() -> core.readNamespacedPod(name, namespace).execute(), "read pod " + namespace + "/" + name);
    }

    public void createPod(V1Pod pod) {
        String ns = pod.getMetadata().getNamespace();
        call(() -> core.createNamespacedPod(ns, pod).execute(), "create pod " + ns + "/" + pod.getMetadata().getName());
    }

    /** Deletes a pod; one already gone is fine. */
    public void deletePod(String namespace, String name) {
        try {
            core.deleteNamespacedPod(name, namespace).execute();
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw refused("delete pod " + namespace + "/" + name, e);
            }
        }
    }

    /** The last lines a pod's container wrote; empty when the pod has none to give (not started, gone). */
    public List<String> podLog(String namespace, String pod, String container, int lines) {
        return find(() -> core.readNamespacedPodLog(pod, namespace).container(container).tailLines(lines).execute(),
                "read the log of pod " + namespace + "/" + pod)
                .map(text -> text.isEmpty() ? List.<String>of() : List.of(text.split("\\r?\\n")))
                .orElse(List.of());
    }

    /** Nodes whose labels match the selector ({@code disk=ssd,zone=a}). */
    public List<io.kubernetes.client.openapi.models.V1Node> nodes(String labelSelector) {
        return call(() -> core.listNode().labelSelector(labelSelector).execute().getItems(), "list nodes");
    }

    private static V1Secret withVersion(V1Secret secret, String resourceVersion) {
        secret.getMetadata().resourceVersion(resourceVersion);
        return secret;
    }

    /** Runs a delete; what is already gone (404) is fine. */
    private static void gone(Call<?> delete, String what) {
        try {
            delete.run();
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw refused(what, e);
            }
        }
    }

    private static <T> Optional<T> find(Call<T> call, String what) {
        try {
            return Optional.ofNullable(call.run());
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw refused(what, e);
        }
    }

    private static <T> T call(Call<T> call, String what) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw refused(what, e);
        }
    }

    /** The cluster down (code 0) or refusing: 503 with what was asked and what it said. */
    static DrydockException refused(String what, ApiException e) {
        String said = e.getCode() == 0
                ? "unreachable (" + rootMessage(e) + ")"
                : "answered " + e.getCode() + (e.getResponseBody() == null || e.getResponseBody().isBlank()
                        ? "" : ": " + abbreviate(e.getResponseBody()));
        return DrydockException.unavailable("Kubernetes could not " + what + ": " + said, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }
}
