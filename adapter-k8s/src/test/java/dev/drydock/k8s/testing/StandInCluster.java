package dev.drydock.k8s.testing;

import dev.drydock.k8s.MockApiServer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentStatus;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceStatus;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Plays a cluster's controllers and kubelet on an API server that runs none ({@link MockApiServer}):
 * a background thread that, every few milliseconds, does what a real cluster would have done by
 * then. Tests of code that waits for a cluster (rollouts, restarts, one-off pods, namespaces that
 * take a while to go) run against it as they would against a real one.
 *
 * <p>What it does, each round:
 * <ul>
 *   <li>keeps {@code spec.replicas} pods of each Deployment's current template, named
 *       {@code <deployment>-<pod-template-hash>-<5 of [a-z0-9]>}, with the template's labels plus
 *       {@code pod-template-hash}; surplus pods are deleted and deleted pods made again; pods of
 *       older templates go as the new ones get ready (a rolling update with {@code maxUnavailable 0},
 *       all new pods at once); the Deployment's status says how many there are, updated and ready;
 *   <li>ends one-off pods ({@code restartPolicy: Never}): Succeeded, or Failed with the exit code;
 *   <li>keeps a deleted namespace {@code Terminating}, with all in it, for the termination time;
 *       then deletes what is in it and lets it go;
 *   <li>registers one node, {@value #NODE}, as a kubelet does.
 * </ul>
 *
 * <p>How a pod fares depends on its image, so tests can drive every path of a wait:
 * <ul>
 *   <li>an image containing {@code pull-fails}: Pending, container waiting {@code ErrImagePull};
 *   <li>{@code crashes}: Running, container waiting {@code CrashLoopBackOff}, never ready
 *       (a one-off pod fails with exit code 1);
 *   <li>{@code slow}: Running and never ready (a one-off pod never ends) until
 *       {@link #release(String)} is called with a part of its image;
 *   <li>any other: Running and ready at once.
 * </ul>
 * A one-off pod's exit code is the number after the last {@code exit} in its command and
 * arguments ({@code bash -c "rake db:migrate; exit 3"} ends with 3), else 0.
 *
 * <p>Namespaces are held back from deletion with a finalizer of the stand-in's, which the mock
 * honours as a real server does: deleting marks the namespace with a deletion timestamp and keeps
 * it. A namespace deleted before the stand-in's first round after its creation goes at once.
 * Pod logs and {@code /version} are not played: set expectations on the {@link MockApiServer}.
 */
public final class StandInCluster implements AutoCloseable {
    /** The name of the node the stand-in registers. */
    public static final String NODE = "stand-in-node";
    /** How long a deleted namespace stays Terminating unless told otherwise. */
    public static final Duration DEFAULT_TERMINATION = Duration.ofMillis(200);

    private static final String FINALIZER = "drydock.dev/stand-in";
    private static final Duration TICK = Duration.ofMillis(15);
    private static final Duration ROUND_WAIT = Duration.ofSeconds(10);
    private static final Pattern EXIT = Pattern.compile("\\bexit\\s+(\\d{1,3})\\b");
    private static final String SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final CoreV1Api core;
    private final AppsV1Api apps;
    private final Duration termination;
    private final Set<String> released = ConcurrentHashMap.newKeySet();
    /** When each terminating namespace was first seen so. */
    private final Map<String, Long> terminatingSince = new HashMap<>();
    private final Thread thread;
    private final Object rounds = new Object();
    private long roundsDone;
    private volatile boolean running = true;
    private volatile Exception lastError;

    private StandInCluster(ApiClient client, Duration termination) {
        this.core = new CoreV1Api(client);
        this.apps = new AppsV1Api(client);
        this.termination = Objects.requireNonNull(termination, "termination");
        this.thread = new Thread(this::loop, "stand-in-cluster");
        thread.setDaemon(true);
    }

    /** Starts playing the cluster behind this mock, with {@link #DEFAULT_TERMINATION}. */
    public static StandInCluster start(MockApiServer server) {
        return start(server.client(), DEFAULT_TERMINATION);
    }

    /**
     * Starts playing the cluster behind this client; a deleted namespace stays Terminating for
     * {@code termination} (zero: it goes on the next round).
     */
    public static StandInCluster start(ApiClient client, Duration termination) {
        StandInCluster cluster = new StandInCluster(client, termination);
        cluster.thread.start();
        return cluster;
    }

    /** Makes images containing {@code imagePart} no longer slow: their pods get ready, their one-off pods end. */
    public void release(String imagePart) {
        released.add(Objects.requireNonNull(imagePart, "imagePart"));
    }

    /**
     * Waits until a whole round begun after this call is done, so all written before it has been
     * seen to; at most 10 seconds.
     *
     * @throws IllegalStateException when no round ended in that time, with the last error met
     */
    public void awaitRound() {
        long deadline = System.nanoTime() + ROUND_WAIT.toNanos();
        synchronized (rounds) {
            long target = roundsDone + 2;
            while (roundsDone < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    throw new IllegalStateException("the stand-in cluster made no round in " + ROUND_WAIT.toSeconds()
                            + " s", lastError);
                }
                try {
                    rounds.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the stand-in cluster", e);
                }
            }
        }
    }

    /** Stops the thread (waiting at most 5 seconds for it); the API server is left as it is. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        registerNode();
        while (running) {
            try {
                round();
            } catch (ApiException | RuntimeException e) {
                // an object changed under us (409) or went meanwhile: the next round sees it as it is now
                lastError = e;
            }
            synchronized (rounds) {
                roundsDone++;
                rounds.notifyAll();
            }
            try {
                Thread.sleep(TICK.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void registerNode() {
        try {
            core.createNode(new V1Node().apiVersion("v1").kind("Node").metadata(new V1ObjectMeta().name(NODE)
                    .labels(Map.of("kubernetes.io/hostname", NODE)))).execute();
        } catch (ApiException e) {
            lastError = e; // 409: a stand-in before this one registered it
        }
    }

    private void round() throws ApiException {
        Set<String> terminating = namespaces();
        List<V1Pod> pods = core.listPodForAllNamespaces().execute().getItems();
        for (V1Deployment deployment : apps.listDeploymentForAllNamespaces().execute().getItems()) {
            if (!terminating.contains(deployment.getMetadata().getNamespace())) {
                attempt(() -> reconcile(deployment, pods));
            }
        }
        for (V1Pod pod : pods) {
            if ("Never".equals(pod.getSpec().getRestartPolicy()) && !terminating.contains(pod.getMetadata().getNamespace())) {
                attempt(() -> runOnce(pod));
            }
        }
    }

    /** A step whose failure (a conflict, an object gone) should not hold up the rest of the round. */
    @FunctionalInterface
    private interface Step {
        void run() throws ApiException;
    }

    private void attempt(Step step) {
        try {
            step.run();
        } catch (ApiException | RuntimeException e) {
            lastError = e;
        }
    }

    /** Holds new namespaces back from deletion, lets terminated ones go; answers those terminating. */
    private Set<String> namespaces() throws ApiException {
        Set<String> terminating = new java.util.HashSet<>();
        long now = System.nanoTime();
        for (V1Namespace ns : core.listNamespace().execute().getItems()) {
            String name = ns.getMetadata().getName();
            List<String> finalizers = Optional.ofNullable(ns.getMetadata().getFinalizers()).orElse(List.of());
            if (ns.getMetadata().getDeletionTimestamp() == null) {
                terminatingSince.remove(name);
                if (!finalizers.contains(FINALIZER)) {
                    List<String> more = new ArrayList<>(finalizers);
                    more.add(FINALIZER);
                    ns.getMetadata().finalizers(more);
                    attempt(() -> core.replaceNamespace(name, ns.apiVersion("v1").kind("Namespace")).execute());
                }
                continue;
            }
            terminating.add(name);
            long since = terminatingSince.computeIfAbsent(name, n -> now);
            if (ns.getStatus() == null || !"Terminating".equals(ns.getStatus().getPhase())) {
                // the mock has no status subresource for namespaces: the status goes with the object
                ns.status(new V1NamespaceStatus().phase("Terminating"));
                attempt(() -> core.replaceNamespace(name, ns.apiVersion("v1").kind("Namespace")).execute());
            } else if (now - since >= termination.toNanos()) {
                attempt(() -> {
                    empty(name);
                    V1Namespace fresh = core.readNamespace(name).execute();
                    fresh.getMetadata().finalizers(Optional.ofNullable(fresh.getMetadata().getFinalizers())
                            .orElse(List.of()).stream().filter(f -> !f.equals(FINALIZER)).toList());
                    // with no finalizer left, the server lets a namespace marked for deletion go
                    core.replaceNamespace(name, fresh.apiVersion("v1").kind("Namespace")).execute();
                    terminatingSince.remove(name);
                });
            }
        }
        return terminating;
    }

    /** Deletes what the namespace holds: the mock does not do it for a namespace, a real server does. */
    private void empty(String ns) throws ApiException {
        for (V1Deployment d : apps.listNamespacedDeployment(ns).execute().getItems()) {
            ignoreGone(() -> apps.deleteNamespacedDeployment(d.getMetadata().getName(), ns).execute());
        }
        for (V1Pod p : core.listNamespacedPod(ns).execute().getItems()) {
            ignoreGone(() -> core.deleteNamespacedPod(p.getMetadata().getName(), ns).execute());
        }
        for (var s : core.listNamespacedSecret(ns).execute().getItems()) {
            ignoreGone(() -> core.deleteNamespacedSecret(s.getMetadata().getName(), ns).execute());
        }
        for (var s : core.listNamespacedService(ns).execute().getItems()) {
            ignoreGone(() -> core.deleteNamespacedService(s.getMetadata().getName(), ns).execute());
        }
    }

    private static void ignoreGone(Step delete) throws ApiException {
        try {
            delete.run();
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    /** The Deployment's and ReplicaSet's controllers, and the kubelet for its pods. */
    private void reconcile(V1Deployment deployment, List<V1Pod> all) throws ApiException {
        String ns = deployment.getMetadata().getNamespace();
        String name = deployment.getMetadata().getName();
        int replicas = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        String hash = templateHash(deployment);
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        List<V1Pod> owned = all.stream()
                .filter(p -> ns.equals(p.getMetadata().getNamespace()))
                .filter(p -> p.getMetadata().getLabels() != null
                        && p.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
        List<V1Pod> current = new ArrayList<>();
        List<V1Pod> old = new ArrayList<>();
        for (V1Pod pod : owned) {
            (hash.equals(pod.getMetadata().getLabels().get("pod-template-hash")) ? current : old).add(pod);
        }
        // surplus: the newest go first, as a ReplicaSet scaling down does with equally ready pods
        current.sort(Comparator.comparing((V1Pod p) -> p.getMetadata().getCreationTimestamp(),
                Comparator.nullsFirst(Comparator.naturalOrder())));
        while (current.size() > replicas) {
            V1Pod surplus = current.remove(current.size() - 1);
            ignoreGone(() -> core.deleteNamespacedPod(surplus.getMetadata().getName(), ns).execute());
        }
        while (current.size() < replicas) {
            current.add(core.createNamespacedPod(ns, newPod(deployment, hash)).execute());
        }
        int ready = 0;
        for (V1Pod pod : current) {
            V1PodStatus wanted = kubelet(pod, pod.getStatus());
            if (!sameState(pod.getStatus(), wanted)) {
                pod.status(wanted);
                core.replaceNamespacedPodStatus(pod.getMetadata().getName(), ns, pod.apiVersion("v1").kind("Pod"))
                        .execute();
            }
            if (ready(wanted)) {
                ready++;
            }
        }
        // a rolling update with maxUnavailable 0: old pods go only as new ones get ready, ready ones last
        old.sort(Comparator.comparing((V1Pod p) -> p.getStatus() != null && ready(p.getStatus())).reversed());
        int keep = Math.max(0, replicas - ready);
        for (V1Pod pod : old.subList(Math.min(keep, old.size()), old.size())) {
            ignoreGone(() -> core.deleteNamespacedPod(pod.getMetadata().getName(), ns).execute());
        }
        List<V1Pod> kept = old.subList(0, Math.min(keep, old.size()));
        int available = ready + (int) kept.stream().filter(p -> p.getStatus() != null && ready(p.getStatus())).count();
        V1DeploymentStatus status = new V1DeploymentStatus()
                .observedGeneration(deployment.getMetadata().getGeneration())
                .replicas(current.size() + kept.size()).updatedReplicas(current.size())
                .readyReplicas(available).availableReplicas(available)
                .unavailableReplicas(Math.max(0, replicas - available));
        if (!status.equals(deployment.getStatus())) {
            // the version read with the list: a Deployment changed since is left to the next round
            apps.replaceNamespacedDeploymentStatus(name, ns, deployment.apiVersion("apps/v1").kind("Deployment")
                    .status(status)).execute();
        }
    }

    private static V1Pod newPod(V1Deployment deployment, String hash) {
        Map<String, String> labels = new HashMap<>(Optional.ofNullable(
                deployment.getSpec().getTemplate().getMetadata().getLabels()).orElse(Map.of()));
        labels.put("pod-template-hash", hash);
        // a copy of the template's spec, through JSON: the pod must not share it with the Deployment
        var spec = JSON.deserialize(JSON.serialize(deployment.getSpec().getTemplate().getSpec()),
                io.kubernetes.client.openapi.models.V1PodSpec.class);
        return new V1Pod().apiVersion("v1").kind("Pod")
                .metadata(new V1ObjectMeta().name(deployment.getMetadata().getName() + "-" + hash + "-" + suffix())
                        .namespace(deployment.getMetadata().getNamespace()).labels(labels)
                        .creationTimestamp(now()))
                .spec((io.kubernetes.client.openapi.models.V1PodSpec) spec);
    }

    /** A one-off pod: it ends once it ran, unless its image keeps it from starting or it is slow. */
    private void runOnce(V1Pod pod) throws ApiException {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Succeeded".equals(phase) || "Failed".equals(phase) || pod.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        V1Container container = pod.getSpec().getContainers().get(0);
        String image = Optional.ofNullable(container.getImage()).orElse("");
        V1PodStatus wanted;
        if (image.contains("pull-fails") || slow(image)) {
            wanted = kubelet(pod, pod.getStatus());
        } else {
            int exit = image.contains("crashes") ? 1 : exitCode(container);
            wanted = new V1PodStatus().phase(exit == 0 ? "Succeeded" : "Failed").startTime(started(pod.getStatus()))
                    .containerStatuses(List.of(containerStatus(container, false, 0, new V1ContainerState()
                            .terminated(new V1ContainerStateTerminated().exitCode(exit)
                                    .reason(exit == 0 ? "Completed" : "Error")))));
        }
        if (!sameState(pod.getStatus(), wanted)) {
            core.replaceNamespacedPodStatus(pod.getMetadata().getName(), pod.getMetadata().getNamespace(),
                    pod.apiVersion("v1").kind("Pod").status(wanted)).execute();
        }
    }

    /** What the kubelet reports for a long-running pod of this image. */
    private V1PodStatus kubelet(V1Pod pod, V1PodStatus was) {
        V1Container container = pod.getSpec().getContainers().get(0);
        String image = Optional.ofNullable(container.getImage()).orElse("");
        OffsetDateTime started = started(was);
        if (image.contains("pull-fails")) {
            return new V1PodStatus().phase("Pending").startTime(started)
                    .conditions(List.of(condition(false)))
                    .containerStatuses(List.of(containerStatus(container, false, 0, new V1ContainerState()
                            .waiting(new V1ContainerStateWaiting().reason("ErrImagePull")))));
        }
        if (image.contains("crashes")) {
            return new V1PodStatus().phase("Running").startTime(started)
                    .conditions(List.of(condition(false)))
                    .containerStatuses(List.of(containerStatus(container, false, 3, new V1ContainerState()
                            .waiting(new V1ContainerStateWaiting().reason("CrashLoopBackOff")))));
        }
        boolean ready = !slow(image);
        return new V1PodStatus().phase("Running").startTime(started)
                .conditions(List.of(condition(ready)))
                .containerStatuses(List.of(containerStatus(container, ready, 0, new V1ContainerState()
                        .running(new V1ContainerStateRunning().startedAt(started)))));
    }

    private boolean slow(String image) {
        return image.contains("slow") && released.stream().noneMatch(image::contains);
    }

    private static V1ContainerStatus containerStatus(V1Container container, boolean ready, int restarts,
                                                     V1ContainerState state) {
        return new V1ContainerStatus().name(container.getName()).image(container.getImage()).imageID("")
                .ready(ready).restartCount(restarts).state(state);
    }

    private static V1PodCondition condition(boolean ready) {
        return new V1PodCondition().type("Ready").status(ready ? "True" : "False");
    }

    private static boolean ready(V1PodStatus status) {
        return status.getConditions() != null && status.getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** The same phase, readiness and container states: what changes the pod's state as read. */
    private static boolean sameState(V1PodStatus was, V1PodStatus wanted) {
        return was != null && Objects.equals(was.getPhase(), wanted.getPhase())
                && Objects.equals(was.getConditions(), wanted.getConditions())
                && Objects.equals(was.getContainerStatuses(), wanted.getContainerStatuses());
    }

    private static OffsetDateTime started(V1PodStatus was) {
        return was != null && was.getStartTime() != null ? was.getStartTime() : now();
    }

    private static int exitCode(V1Container container) {
        List<String> words = new ArrayList<>(Optional.ofNullable(container.getCommand()).orElse(List.of()));
        words.addAll(Optional.ofNullable(container.getArgs()).orElse(List.of()));
        Matcher exit = EXIT.matcher(String.join(" ", words));
        int code = 0;
        while (exit.find()) {
            code = Integer.parseInt(exit.group(1));
        }
        return code;
    }

    /** Stable per template, like Kubernetes' pod-template-hash: 10 digits. */
    private static String templateHash(V1Deployment deployment) {
        CRC32 crc = new CRC32();
        crc.update(JSON.serialize(deployment.getSpec().getTemplate()).getBytes(StandardCharsets.UTF_8));
        return Long.toString(1_000_000_000L + crc.getValue());
    }

    private static String suffix() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder suffix = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            suffix.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
        }
        return suffix.toString();
    }

    // whole milliseconds: what the API server keeps of a time is whole seconds or finer, never nanos
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
