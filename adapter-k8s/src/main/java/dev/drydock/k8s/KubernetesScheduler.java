package dev.drydock.k8s;

import dev.drydock.k8s.internal.Cluster;
import dev.drydock.k8s.internal.Ingresses;
import dev.drydock.k8s.internal.Manifests;
import dev.drydock.k8s.internal.PodStates;
import dev.drydock.k8s.internal.PullSecrets;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.RunResult;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.SchedulerCapabilities;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Namespace;
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
 * The scheduler on a Kubernetes cluster, with the objects upstream makes (behaviour.md §8; see
 * {@link Manifests}): per app a namespace and a Service, per release an env secret, per process type
 * a Deployment, and for one-off commands a pod of their own. How it behaves is set by
 * {@link KubernetesSettings}.
 *
 * <p>A deploy makes every object first, so a config that cannot be deployed (a malformed
 * healthcheck, half of a registry's credentials) fails with an invalid-input error and writes
 * nothing. It then writes the image pull secret ({@code private-registry}, when the config has
 * registry credentials), the env secret and the Deployments, with the type's probes, lifecycle hooks,
 * limits, node selector and grace period, and waits for the rollout, up to the deploy timeout. A
 * rollout whose pods cannot pull their image or crash, or that is not ready in time, is rolled back:
 * each Deployment is put back as it was before, and the deploy fails with the pod's reason.
 *
 * <p>Routing keeps upstream's {@code router.drycc.cc/*} annotations on the Service and adds what an
 * ingress controller reads: an Ingress per app with a rule per domain, a {@code <cert>-cert} TLS
 * secret per attached certificate, and HTTPS enforced through the settings' annotation.
 *
 * <p>Cluster errors are "unavailable" errors that say what was asked and what the cluster answered;
 * no message or log line made here carries a secret's contents (TLS keys, registry passwords).
 */
public final class KubernetesScheduler implements Scheduler {
    private static final int DEFAULT_BATCHES = 1;
    private static final List<String> ROUTABLE = List.of("web", "cmd");

    /** Upstream's DRYCC_DEPLOY_TIMEOUT default. */
    public static final Duration DEFAULT_DEPLOY_TIMEOUT = KubernetesSettings.DEFAULT_DEPLOY_TIMEOUT;
    // waiting reasons of a pod that will not come up by itself
    private static final Set<String> HOPELESS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CrashLoopBackOff", "CreateContainerConfigError", "crashed");

    private final Cluster cluster;
    // the routing of apps whose old namespace was still terminating when they were routed
    private final java.util.concurrent.ConcurrentMap<String, Routing> pendingRoutes =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Upstream waits 20 minutes for a one-off command. */
    public static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofMinutes(20);
    private static final String SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final KubernetesSettings settings;
    private final Duration deployTimeout;
    private final Duration poll;
    private Duration runTimeout = DEFAULT_RUN_TIMEOUT;
    private java.util.function.Supplier<String> runSuffix = KubernetesScheduler::randomSuffix;

    /** With {@link KubernetesSettings#defaults()}. */
    public KubernetesScheduler(ApiClient client) {
        this(client, KubernetesSettings.defaults());
    }

    /**
     * With the default settings but these two.
     *
     * @param deployTimeout how long a rollout may take before it is rolled back
     * @param poll          how often a rollout is looked at
     */
    public KubernetesScheduler(ApiClient client, Duration deployTimeout, Duration poll) {
        this(client, KubernetesSettings.defaults().withDeployTimeout(deployTimeout).withPoll(poll));
    }

    /** A scheduler on the cluster that the client speaks to. */
    public KubernetesScheduler(ApiClient client, KubernetesSettings settings) {
        this.cluster = new Cluster(java.util.Objects.requireNonNull(client, "client"), settings.deployTimeout(),
                settings.poll());
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
        this.deployTimeout = settings.deployTimeout();
        this.poll = settings.poll();
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
        space(app);
        if (cluster.service(app, app).isEmpty()) {
            cluster.applyService(Manifests.service(app, Manifests.DEFAULT_PORT, Optional.empty()));
        }
    }

    @Override
    public void destroy(String app) {
        pendingRoutes.remove(app);
        cluster.deleteNamespace(app);
    }

    /**
     * Makes the app's namespace, waiting (bounded) for an old one of the same name to finish
     * terminating, then routes the app as a route() that came meanwhile asked.
     */
    private void space(String app) {
        cluster.ensureNamespace(Manifests.namespace(app));
        Routing pending = pendingRoutes.get(app);
        if (pending != null) {
            routeNow(pending);
            pendingRoutes.remove(app, pending);
        }
    }

    @Override
    public void deploy(DeployPlan plan) {
        String app = plan.app();
        Map<String, String> env = environment(plan);
        // routable types last, as upstream does
        List<String> types = new ArrayList<>(plan.structure().keySet());
        types.sort(Comparator.comparing(ROUTABLE::contains));
        // every object made before any is written: a config that cannot be deployed changes nothing
        List<V1Deployment> deployments = types.stream()
                .map(type -> Manifests.deployment(plan, type, plan.structure().get(type), DEFAULT_BATCHES, env))
                .toList();
        Optional<V1Secret> pullSecret = PullSecrets.secret(app, plan.config(), plan.build().image());
        space(app);
        Map<String, Optional<V1Deployment>> before = new LinkedHashMap<>();
        for (String type : types) {
            before.put(type, cluster.deployment(app, Manifests.deploymentName(app, type)));
        }
        String release = "v" + plan.release().version();
        Optional<String> failure;
        try {
            pullSecret.ifPresent(cluster::applySecret);
            cluster.applySecret(Manifests.envSecret(plan, env));
            deployments.forEach(cluster::applyDeployment);
            failure = awaitRollout(plan, types);
        } catch (DrydockException e) {
            // the cluster failed halfway: what was written of the release must not stay running
            String undone = tryRollBack(app, before) ? "Its process types were rolled back to what ran before."
                    : "Rolling its process types back failed too; deploy again once the cluster answers.";
            throw DrydockException.unavailable("Kubernetes failed while deploying " + release + ": " + e.getMessage()
                    + ". " + undone, e);
        }
        if (failure.isPresent()) {
            rollBack(app, before);
            throw DrydockException.invalid("There was a problem deploying " + release + ": "
                    + failure.get() + ". Its process types were rolled back to what ran before.");
        }
        Optional<String> routable = ROUTABLE.stream().filter(plan.structure()::containsKey).findFirst();
        V1Service service = Manifests.service(app, port(plan), routable);
        // the routing's annotations and label stay as route() left them
        cluster.service(app, app).ifPresent(existing -> {
            service.getMetadata().annotations(existing.getMetadata().getAnnotations());
            Map<String, String> labels = new LinkedHashMap<>(Optional.ofNullable(existing.getMetadata().getLabels())
                    .orElse(Map.of()));
            labels.putAll(service.getMetadata().getLabels());
            service.getMetadata().labels(labels);
        });
        cluster.applyService(service);
    }

    /** Empty once every type of the plan runs the release, ready; else why it will not. */
    private Optional<String> awaitRollout(DeployPlan plan, List<String> types) {
        String app = plan.app();
        String version = "v" + plan.release().version();
        long deadline = System.nanoTime() + deployTimeout.toNanos();
        DrydockException unanswered = null;
        while (true) {
            try {
                // a crash-looping pod is Running: its containers' waiting reasons tell, not its state
                Optional<String> hopeless = cluster.pods(app, selector(app, version, Optional.empty())).stream()
                        .map(pod -> PodStates.waitingReason(pod).filter(HOPELESS::contains)
                                .or(() -> Optional.of(PodStates.state(pod)).filter(HOPELESS::contains))
                                .map(reason -> reason + PodStates.waitingMessage(pod).map(m -> ": " + m).orElse("")
                                        + " (pod " + pod.getMetadata().getName() + ")"))
                        .flatMap(Optional::stream)
                        .findFirst();
                if (hopeless.isPresent()) {
                    return hopeless;
                }
                if (types.stream().allMatch(type -> rolledOut(app, type, plan.structure().get(type)))) {
                    return Optional.empty();
                }
                unanswered = null;
            } catch (DrydockException e) {
                // one look that failed says nothing about the rollout: look again until the deadline
                unanswered = e;
            }
            if (System.nanoTime() > deadline) {
                if (unanswered != null) {
                    throw unanswered;
                }
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

    /** {@link #rollBack}, as far as the cluster lets it; whether it went through. */
    private boolean tryRollBack(String app, Map<String, Optional<V1Deployment>> before) {
        try {
            rollBack(app, before);
            return true;
        } catch (DrydockException e) {
            return false;
        }
    }

    /** Puts each Deployment back as it was before the deploy; one that was not there goes to 0. */
    private void rollBack(String app, Map<String, Optional<V1Deployment>> before) {
        // a deploy interrupted by a stopping server still rolls back: the client's calls would fail
        // at once on an interrupted thread
        boolean interrupted = Thread.interrupted();
        try {
            putBack(app, before);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void putBack(String app, Map<String, Optional<V1Deployment>> before) {
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
                Map<String, String> env = environment(plan);
                V1Deployment deployment = Manifests.deployment(plan, type.getKey(), type.getValue(), DEFAULT_BATCHES,
                        env);
                PullSecrets.secret(plan.app(), plan.config(), plan.build().image()).ifPresent(cluster::applySecret);
                cluster.applySecret(Manifests.envSecret(plan, env));
                cluster.applyDeployment(deployment);
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

    /** The release's env, which its containers read from its env secret. */
    private static Map<String, String> environment(DeployPlan plan) {
        return Manifests.environment(plan, Optional.of(port(plan)));
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
            Map<String, String> env = environment(plan);
            V1Pod pod = Manifests.runPod(plan, name, command, env);
            Optional<V1Secret> pullSecret = PullSecrets.secret(app, plan.config(), plan.build().image());
            space(app);
            pullSecret.ifPresent(cluster::applySecret);
            cluster.applySecret(Manifests.envSecret(plan, env));
            cluster.createPod(pod);
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

    /**
     * Routes the app's domains to its Service; makes the namespace and Service if they are not
     * there yet. Keeps upstream's router annotations on the Service, writes a TLS secret per
     * attached certificate and deletes those of certificates no longer attached, and writes the
     * app's Ingress (see {@link Ingresses}), or deletes it when the app has no host to be reached
     * at. Each step is a create-or-replace or a delete, so sending the same routing again is
     * harmless.
     */
    @Override
    public void route(Routing routing) {
        String app = routing.app();
        // route() runs inside a database write, which must not wait for a namespace that may take
        // minutes to go: its routing is kept here and made with the new namespace (create, deploy, run)
        Optional<V1Namespace> namespace = cluster.namespace(app);
        if (namespace.isPresent() && Cluster.terminating(namespace.get())) {
            checkRouting(routing);
            pendingRoutes.put(app, routing);
            return;
        }
        pendingRoutes.remove(app);
        routeNow(routing);
    }

    // the objects route() would write, made to find what cannot be made before it answers
    private void checkRouting(Routing routing) {
        routing.certificates().forEach(certificate -> Ingresses.certificateSecret(routing.app(), certificate));
        Ingresses.ingress(routing, settings.platformDomain(), settings.ingressClass(), settings.httpsAnnotation());
    }

    private void routeNow(Routing routing) {
        String app = routing.app();
        // made before anything is written, so a routing that cannot be made changes nothing
        List<V1Secret> secrets = routing.certificates().stream()
                .map(certificate -> Ingresses.certificateSecret(app, certificate)).toList();
        Optional<V1Ingress> ingress = Ingresses.ingress(routing, settings.platformDomain(), settings.ingressClass(),
                settings.httpsAnnotation());
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

        // secrets before the Ingress that names them; old ones only once it no longer does
        secrets.forEach(cluster::applySecret);
        Set<String> attached = secrets.stream().map(secret -> secret.getMetadata().getName())
                .collect(Collectors.toSet());
        if (ingress.isPresent()) {
            cluster.applyIngress(ingress.get());
        } else {
            cluster.deleteIngress(app, app);
        }
        cluster.secrets(app, Ingresses.certificateSelector(app)).stream()
                .map(secret -> secret.getMetadata().getName())
                .filter(name -> !attached.contains(name))
                .forEach(name -> cluster.deleteSecret(app, name));
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
