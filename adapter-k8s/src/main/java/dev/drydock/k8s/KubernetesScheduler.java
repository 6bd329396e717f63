package dev.drydock.k8s;

import dev.drydock.k8s.internal.Cluster;
import dev.drydock.k8s.internal.Manifests;
import dev.drydock.k8s.internal.PodStates;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.RunResult;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.SchedulerCapabilities;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scheduler on a Kubernetes cluster, with the objects upstream makes (see {@link Manifests}).
 *
 * <p>A deploy writes the release's objects, then waits for the rollout, up to the deploy timeout.
 * A rollout whose pods cannot pull their image or crash, or that is not ready in time, is rolled
 * back: each Deployment is put back as it was before, and the deploy fails with the pod's reason.
 *
 * <p>Work in progress (issue 9): not yet offered by the server.
 */
public final class KubernetesScheduler implements Scheduler {
    private static final int DEFAULT_BATCHES = 1;
    private static final List<String> ROUTABLE = List.of("web", "cmd");

    /** Upstream's DRYCC_DEPLOY_TIMEOUT default. */
    public static final Duration DEFAULT_DEPLOY_TIMEOUT = Duration.ofSeconds(120);
    // waiting reasons of a pod that will not come up by itself
    private static final Set<String> HOPELESS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CrashLoopBackOff", "CreateContainerConfigError", "crashed");

    private final Cluster cluster;
    /** Upstream waits 20 minutes for a one-off command. */
    public static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofMinutes(20);
    private static final String SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Duration deployTimeout;
    private final Duration poll;
    private Duration runTimeout = DEFAULT_RUN_TIMEOUT;
    private java.util.function.Supplier<String> runSuffix = KubernetesScheduler::randomSuffix;

    public KubernetesScheduler(ApiClient client) {
        this(client, DEFAULT_DEPLOY_TIMEOUT, Duration.ofMillis(500));
    }

    /**
     * @param deployTimeout how long a rollout may take before it is rolled back
     * @param poll          how often a rollout is looked at
     */
    public KubernetesScheduler(ApiClient client, Duration deployTimeout, Duration poll) {
        this.cluster = new Cluster(client, deployTimeout, poll);
        this.deployTimeout = deployTimeout;
        this.poll = poll;
    }

    /** How long a one-off command may run before its pod is deleted; for tests, the pod's name suffix too. */
    KubernetesScheduler withRuns(Duration timeout, java.util.function.Supplier<String> suffixes) {
        this.runTimeout = timeout;
        this.runSuffix = suffixes;
        return this;
    }

    private static String randomSuffix() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder suffix = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            suffix.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
        }
        return suffix.toString();
    }

    @Override
    public SchedulerCapabilities capabilities() {
        return new SchedulerCapabilities("kubernetes", true);
    }

    @Override
    public boolean exists(String app) {
        // a namespace still terminating from a destroy is on its way out, not the app's
        return cluster.namespace(app).filter(ns -> !Cluster.terminating(ns)).isPresent();
    }

    @Override
    public void create(String app) {
        cluster.ensureNamespace(Manifests.namespace(app));
        if (cluster.service(app, app).isEmpty()) {
            cluster.applyService(Manifests.service(app, Manifests.DEFAULT_PORT, Optional.empty()));
        }
    }

    @Override
    public void destroy(String app) {
        cluster.deleteNamespace(app);
    }

    @Override
    public void deploy(DeployPlan plan) {
        String app = plan.app();
        cluster.ensureNamespace(Manifests.namespace(app));
        Map<String, String> env = writeEnv(plan);
        // routable types last, as upstream does
        List<String> types = new ArrayList<>(plan.structure().keySet());
        types.sort(Comparator.comparing(ROUTABLE::contains));
        Map<String, Optional<V1Deployment>> before = new LinkedHashMap<>();
        for (String type : types) {
            before.put(type, cluster.deployment(app, Manifests.deploymentName(app, type)));
        }
        for (String type : types) {
            cluster.applyDeployment(Manifests.deployment(plan, type, plan.structure().get(type), DEFAULT_BATCHES, env));
        }
        Optional<String> failure = awaitRollout(plan, types);
        if (failure.isPresent()) {
            rollBack(app, before);
            throw DrydockException.invalid("There was a problem deploying v" + plan.release().version() + ": "
                    + failure.get() + ". Its process types were rolled back to what ran before.");
        }
        Optional<String> routable = ROUTABLE.stream().filter(plan.structure()::containsKey).findFirst();
        V1Service service = Manifests.service(app, port(plan), routable);
        cluster.service(app, app).ifPresent(existing -> service.getMetadata()
                .annotations(existing.getMetadata().getAnnotations()));
        cluster.applyService(service);
    }

    /** Empty once every type of the plan runs the release, ready; else why it will not. */
    private Optional<String> awaitRollout(DeployPlan plan, List<String> types) {
        String app = plan.app();
        String version = "v" + plan.release().version();
        long deadline = System.nanoTime() + deployTimeout.toNanos();
        while (true) {
            // a crash-looping pod is Running: its containers' waiting reasons tell, not its state
            Optional<String> hopeless = cluster.pods(app, selector(app, version, Optional.empty())).stream()
                    .map(pod -> PodStates.waitingReason(pod).filter(HOPELESS::contains)
                            .or(() -> Optional.of(PodStates.state(pod)).filter(HOPELESS::contains))
                            .map(reason -> reason + " (pod " + pod.getMetadata().getName() + ")"))
                    .flatMap(Optional::stream)
                    .findFirst();
            if (hopeless.isPresent()) {
                return hopeless;
            }
            if (types.stream().allMatch(type -> rolledOut(app, type, plan.structure().get(type)))) {
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                return Optional.of("the rollout was not ready within " + deployTimeout.toSeconds() + " s");
            }
            if (!pause()) {
                return Optional.of("the deploy was interrupted");
            }
        }
    }

    private boolean rolledOut(String app, String type, int replicas) {
        if (replicas == 0) {
            return true;
        }
        return cluster.deployment(app, Manifests.deploymentName(app, type)).map(d -> {
            var status = d.getStatus();
            if (status == null) {
                return false;
            }
            Long generation = d.getMetadata().getGeneration();
            boolean observed = generation == null || (status.getObservedGeneration() != null
                    && status.getObservedGeneration() >= generation);
            // as kubectl rollout status: no pods of an older template left, and the new ones available
            return observed && nonNull(status.getUpdatedReplicas()) >= replicas
                    && nonNull(status.getReplicas()) <= nonNull(status.getUpdatedReplicas())
                    && nonNull(status.getAvailableReplicas()) >= replicas;
        }).orElse(false);
    }

    private static int nonNull(Integer value) {
        return value == null ? 0 : value;
    }

    /** Puts each Deployment back as it was before the deploy; one that was not there goes to 0. */
    private void rollBack(String app, Map<String, Optional<V1Deployment>> before) {
        before.forEach((type, previous) -> {
            if (previous.isPresent()) {
                V1Deployment restored = previous.get().apiVersion("apps/v1").kind("Deployment").status(null);
                cluster.applyDeployment(restored);
            } else {
                cluster.deployment(app, Manifests.deploymentName(app, type)).ifPresent(added -> {
                    added.getSpec().replicas(0);
                    cluster.applyDeployment(added.apiVersion("apps/v1").kind("Deployment"));
                });
            }
        });
    }

    /**
     * Sets each type's count, then waits, up to the deploy timeout, until each Deployment has that
     * many pods (ready or not): a scale does not wait for readiness, as a deploy does.
     *
     * @throws DrydockException unavailable when the counts are not there in time
     */
    @Override
    public void scale(DeployPlan plan) {
        for (Map.Entry<String, Integer> type : plan.structure().entrySet()) {
            String name = Manifests.deploymentName(plan.app(), type.getKey());
            Optional<V1Deployment> existing = cluster.deployment(plan.app(), name);
            if (existing.isPresent()) {
                V1Deployment deployment = existing.get();
                deployment.getSpec().replicas(type.getValue());
                cluster.applyDeployment(deployment.apiVersion("apps/v1").kind("Deployment"));
            } else {
                cluster.applyDeployment(Manifests.deployment(plan, type.getKey(), type.getValue(), DEFAULT_BATCHES,
                        writeEnv(plan)));
            }
        }
        long deadline = System.nanoTime() + deployTimeout.toNanos();
        while (!plan.structure().entrySet().stream().allMatch(t -> scaled(plan.app(), t.getKey(), t.getValue()))) {
            if (System.nanoTime() > deadline || !pause()) {
                throw DrydockException.unavailable("(scale): the pods of " + plan.app() + " did not reach "
                        + plan.structure() + " within " + deployTimeout.toSeconds() + " s");
            }
        }
    }

    /** Whether the cluster has seen the Deployment's latest spec and it has this many pods. */
    private boolean scaled(String app, String type, int replicas) {
        return cluster.deployment(app, Manifests.deploymentName(app, type)).map(d -> {
            var status = d.getStatus();
            Long generation = d.getMetadata().getGeneration();
            return status != null && (generation == null || status.getObservedGeneration() != null
                    && status.getObservedGeneration() >= generation)
                    && nonNull(status.getReplicas()) == replicas;
        }).orElse(false);
    }

    @Override
    public List<Pod> pods(String app, String release, Optional<String> type) {
        return cluster.pods(app, selector(app, release, type)).stream()
                .map(PodStates::pod)
                .sorted(Comparator.comparing(Pod::started).reversed())
                .toList();
    }

    /**
     * Deletes the matching pods and lets their Deployments replace them; returns the replacements
     * that are there once each type has its count again, or when the deploy timeout is up.
     */
    @Override
    public List<Pod> restart(String app, String release, Optional<String> type, Optional<String> name) {
        List<Pod> matched = pods(app, release, type).stream()
                .filter(pod -> name.isEmpty() || name.get().equals(pod.name()))
                .filter(pod -> !pod.type().equals("run"))
                .toList();
        if (matched.isEmpty()) {
            return List.of();
        }
        Set<String> deleted = matched.stream().map(Pod::name).collect(Collectors.toSet());
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (Pod pod : matched) {
            wanted.computeIfAbsent(pod.type(), t -> cluster.deployment(app, Manifests.deploymentName(app, t))
                    .map(d -> d.getSpec().getReplicas() == null ? 0 : d.getSpec().getReplicas()).orElse(0));
        }
        deleted.forEach(pod -> cluster.deletePod(app, pod));
        long deadline = System.nanoTime() + deployTimeout.toNanos();
        while (true) {
            List<Pod> replacements = pods(app, release, type).stream()
                    .filter(pod -> !deleted.contains(pod.name()) && wanted.containsKey(pod.type()))
                    .filter(pod -> !pod.state().equals("terminating"))
                    .toList();
            boolean complete = wanted.entrySet().stream().allMatch(w -> replacements.stream()
                    .filter(pod -> pod.type().equals(w.getKey())).count() >= w.getValue());
            if (complete || System.nanoTime() > deadline) {
                // by name: the one that took its place is the newest of its type
                return name.isPresent() ? replacements.stream().limit(1).toList() : replacements;
            }
            if (!pause()) {
                return replacements;
            }
        }
    }

    /** Writes the release's env secret; answers the env its containers read from it. */
    private Map<String, String> writeEnv(DeployPlan plan) {
        Map<String, String> env = Manifests.environment(plan, Optional.of(port(plan)));
        cluster.applySecret(Manifests.envSecret(plan, env));
        return env;
    }

    private static String selector(String app, String release, Optional<String> type) {
        return "app=" + app + ",version=" + release + type.map(t -> ",type=" + t).orElse("");
    }

    /** Waits one poll; false when interrupted. */
    private boolean pause() {
        try {
            Thread.sleep(poll.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs the command in a pod of its own and waits for it to end, up to the run timeout; then
     * reads its log and always deletes it. Exit code 0 when it ended well, the container's own
     * when it crashed; a pod that never ran (its image cannot be pulled, or time ran out) gives
     * exit code 1 and says in which state it was.
     */
    @Override
    public RunResult run(DeployPlan plan, String command) {
        String app = plan.app();
        String name = app + "-run-" + runSuffix.get();
        try {
            cluster.ensureNamespace(Manifests.namespace(app));
            Map<String, String> env = writeEnv(plan);
            cluster.createPod(Manifests.runPod(plan, name, command, env));
            try {
                return awaitRun(app, name);
            } finally {
                cluster.deletePod(app, name);
            }
        } catch (DrydockException e) {
            throw e instanceof dev.drydock.ports.error.UnavailableException
                    ? DrydockException.unavailable(name + " (run): " + e.getMessage(), e) : e;
        }
    }

    private RunResult awaitRun(String app, String name) {
        long deadline = System.nanoTime() + runTimeout.toNanos();
        String state = "initializing";
        while (System.nanoTime() <= deadline) {
            Optional<io.kubernetes.client.openapi.models.V1Pod> pod = cluster.pod(app, name);
            state = pod.map(PodStates::state).orElse("destroyed");
            if (state.equals("down") || state.equals("crashed")) {
                int exit = state.equals("down") ? 0 : pod.flatMap(KubernetesScheduler::exitCode).orElse(1);
                String output = String.join("\n", cluster.podLog(app, name, name, Integer.MAX_VALUE));
                return new RunResult(exit, output);
            }
            if (HOPELESS.contains(state) || state.equals("destroyed") || !pause()) {
                break;
            }
        }
        return new RunResult(1, "Could not get logs. Pod is in state " + state);
    }

    private static Optional<Integer> exitCode(io.kubernetes.client.openapi.models.V1Pod pod) {
        return Optional.ofNullable(pod.getStatus()).map(s -> s.getContainerStatuses()).stream()
                .flatMap(List::stream)
                .map(c -> c.getState() == null ? null : c.getState().getTerminated())
                .filter(java.util.Objects::nonNull)
                .map(t -> t.getExitCode())
                .findFirst();
    }

    /**
     * The last lines of the app's pods, each as {@code <app>[<pod>]: <line>}, pod by pod in name
     * order, the last {@code lines} of them in all.
     */
    @Override
    public List<String> logs(String app, int lines) {
        if (lines <= 0) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        cluster.pods(app, "app=" + app).stream()
                .sorted(Comparator.comparing(pod -> pod.getMetadata().getName()))
                .forEach(pod -> {
                    String name = pod.getMetadata().getName();
                    String container = pod.getSpec() == null || pod.getSpec().getContainers() == null
                            || pod.getSpec().getContainers().isEmpty() ? name
                            : pod.getSpec().getContainers().get(0).getName();
                    cluster.podLog(app, name, container, lines).forEach(line -> all.add(app + "[" + name + "]: " + line));
                });
        return all.size() <= lines ? all : List.copyOf(all.subList(all.size() - lines, all.size()));
    }

    /** Upstream's router annotations on the app's Service, made if it is not there yet. */
    @Override
    public void route(Routing routing) {
        String app = routing.app();
        cluster.ensureNamespace(Manifests.namespace(app));
        V1Service service = cluster.service(app, app)
                .map(existing -> existing.apiVersion("v1").kind("Service"))
                .orElseGet(() -> Manifests.service(app, Manifests.DEFAULT_PORT, Optional.empty()));
        Map<String, String> annotations = new LinkedHashMap<>(Optional.ofNullable(
                service.getMetadata().getAnnotations()).orElse(Map.of()));
        annotations.put("router.drycc.cc/domains", String.join(",", routing.domains()));
        annotations.put("router.drycc.cc/certificates", routing.certificates().stream()
                .flatMap(c -> c.domains().stream().map(d -> d + ":" + c.name()))
                .collect(Collectors.joining(",")));
        annotations.put("router.drycc.cc/ssl.enforce", routing.httpsEnforced() ? "True" : "False");
        service.getMetadata().annotations(annotations);
        Map<String, String> labels = new LinkedHashMap<>(Optional.ofNullable(service.getMetadata().getLabels())
                .orElse(Map.of()));
        labels.put("router.drycc.cc/routable", "true");
        service.getMetadata().labels(labels);
        cluster.applyService(service);
    }

    @Override
    public boolean nodesMatch(Map<String, String> labels) {
        String selector = labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        return !cluster.nodes(selector).isEmpty();
    }

    // the config's PORT, else upstream's 5000 (reading the port an image exposes is left for later)
    private static int port(DeployPlan plan) {
        Object port = plan.config().values().get("PORT");
        if (port != null && port.toString().strip().matches("[0-9]{1,5}")) {
            int value = Integer.parseInt(port.toString().strip());
            if (value >= 1 && value <= 65535) {
                return value;
            }
        }
        return Manifests.DEFAULT_PORT;
    }
}
