package dev.drydock.k8s.internal;

import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.DeployPlan;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1DeploymentStrategy;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1Lifecycle;
import io.kubernetes.client.openapi.models.V1LifecycleHandler;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1RollingUpdateDeployment;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Kubernetes objects of an app and its releases, as upstream makes them (behaviour.md §8):
 * pure functions of a deploy plan, so what the cluster is asked for can be read and tested
 * without a cluster. Each carries its apiVersion and kind, which the client does not fill in.
 */
public final class Manifests {
    static final String HERITAGE = "drycc";
    public static final int DEFAULT_PORT = 5000;
    /** The port the app's Service listens on, which its Ingress sends to. */
    public static final int SERVICE_PORT = 80;
    static final long DEFAULT_GRACE_SECONDS = 30;
    static final String DEFAULT_PULL_POLICY = "IfNotPresent";
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Manifests() {
    }

    /** The app's namespace, labelled as Drydock's. */
    public static V1Namespace namespace(String app) {
        return new V1Namespace().apiVersion("v1").kind("Namespace").metadata(new V1ObjectMeta().name(app).labels(Map.of("heritage", HERITAGE)));
    }

    /** The env secret's name for a release: {@code <app>-v<N>-env}. */
    public static String envSecretName(String app, int version) {
        return app + "-v" + version + "-env";
    }

    /**
     * The release's environment: upstream's defaults, then the config's values over them, sorted
     * by name.
     */
    public static Map<String, String> environment(DeployPlan plan, Optional<Integer> port) {
        Release release = plan.release();
        Build build = plan.build();
        Map<String, String> env = new TreeMap<>();
        env.put("DRYCC_APP", plan.app());
        env.put("WORKFLOW_RELEASE", "v" + release.version());
        env.put("WORKFLOW_RELEASE_SUMMARY", release.summary() == null ? "" : release.summary());
        env.put("WORKFLOW_RELEASE_CREATED_AT", CREATED_AT.format(release.created().truncatedTo(ChronoUnit.SECONDS)));
        if (build.sha() != null && !build.sha().isEmpty()) {
            env.put("SOURCE_VERSION", build.sha());
        }
        port.ifPresent(p -> env.put("PORT", Integer.toString(p)));
        plan.config().values().forEach((name, value) -> {
            if (value != null) {
                env.put(name, value.toString());
            }
        });
        return env;
    }

    /** A secret key for an env name: lower case, {@code _} as {@code -}. */
    static String secretKey(String envName) {
        return envName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The release's env secret, which every container of the release reads its env from. */
    public static V1Secret envSecret(DeployPlan plan, Map<String, String> env) {
        int version = plan.release().version();
        Map<String, byte[]> data = new TreeMap<>();
        env.forEach((name, value) -> data.put(secretKey(name), value.getBytes(StandardCharsets.UTF_8)));
        return new V1Secret().apiVersion("v1").kind("Secret")
                .metadata(new V1ObjectMeta().name(envSecretName(plan.app(), version)).namespace(plan.app())
                        .labels(ordered("app", plan.app(), "heritage", HERITAGE, "version", "v" + version,
                                "type", "env")))
                .type("Opaque")
                .data(data);
    }

    /** The Deployment name of a process type: {@code <app>-<type>}. */
    public static String deploymentName(String app, String type) {
        return app + "-" + type;
    }

    /**
     * The Deployment of one process type of the plan's release, with {@code replicas} pods, rolled
     * out at most {@code batches} new pods at a time and never fewer ready ones than asked for.
     */
    public static V1Deployment deployment(DeployPlan plan, String type, int replicas, int batches,
                                          Map<String, String> env) {
        String app = plan.app();
        Config config = plan.config();
        String version = "v" + plan.release().version();
        Map<String, String> selector = ordered("app", app, "type", type, "heritage", HERITAGE);
        Map<String, String> podLabels = ordered("app", app, "version", version, "type", type, "heritage", HERITAGE);
        String secret = envSecretName(app, plan.release().version());

        V1Container container = new V1Container()
                .name(deploymentName(app, type))
                .image(plan.build().image())
                .imagePullPolicy(Optional.ofNullable(config.values().get("IMAGE_PULL_POLICY"))
                        .map(Object::toString).orElse(DEFAULT_PULL_POLICY))
                .env(fromSecret(secret, env))
                .resources(resources(config, type));
        command(plan.build(), type, container);
        Optional<Integer> port = Optional.ofNullable(env.get("PORT")).filter(p -> p.matches("[0-9]{1,5}"))
                .map(Integer::valueOf);
        Probes.probe(config, type, Probes.LIVENESS, port).ifPresent(container::livenessProbe);
        Probes.probe(config, type, Probes.READINESS, port).ifPresent(container::readinessProbe);
        lifecycle(config, type).ifPresent(container::lifecycle);

        V1PodSpec pod = new V1PodSpec()
                .containers(List.of(container))
                .terminationGracePeriodSeconds(graceSeconds(config, type));
        List<V1LocalObjectReference> pullSecrets = PullSecrets.references(config);
        if (!pullSecrets.isEmpty()) {
            pod.imagePullSecrets(pullSecrets);
        }
        if (!config.tags().isEmpty()) {
            pod.nodeSelector(new TreeMap<>(config.tags()));
        }
        int surge = Math.max(1, Math.min(batches, Math.max(replicas, 1)));
        return new V1Deployment().apiVersion("apps/v1").kind("Deployment")
                .metadata(new V1ObjectMeta().name(deploymentName(app, type)).namespace(app).labels(selector)
                        .annotations(Map.of("kubernetes.io/change-cause",
                                plan.release().summary() == null ? "" : plan.release().summary())))
                .spec(new V1DeploymentSpec()
                        .replicas(replicas)
                        .selector(new V1LabelSelector().matchLabels(selector))
                        .strategy(new V1DeploymentStrategy().type("RollingUpdate").rollingUpdate(
                                new V1RollingUpdateDeployment().maxUnavailable(new IntOrString(0))
                                        .maxSurge(new IntOrString(surge))))
                        .template(new V1PodTemplateSpec()
                                .metadata(new V1ObjectMeta().labels(podLabels))
                                .spec(pod)));
    }

    /**
     * A one-off pod running {@code command} in the release's image, with the release's env; it is
     * never restarted, and neither lists nor structures count it (its type is {@code run}).
     */
    public static V1Pod runPod(DeployPlan plan, String name, String command, Map<String, String> env) {
        String app = plan.app();
        String secret = envSecretName(app, plan.release().version());
        V1Container container = new V1Container()
                .name(name)
                .image(plan.build().image())
                .command(buildpack(plan.build()) ? List.of("/runner/init") : List.of("/bin/bash", "-c"))
                .args(List.of(command))
                .env(fromSecret(secret, env));
        V1PodSpec spec = new V1PodSpec().restartPolicy("Never").containers(List.of(container));
        List<V1LocalObjectReference> pullSecrets = PullSecrets.references(plan.config());
        if (!pullSecrets.isEmpty()) {
            spec.imagePullSecrets(pullSecrets);
        }
        return new V1Pod().apiVersion("v1").kind("Pod")
                .metadata(new V1ObjectMeta().name(name).namespace(app).labels(ordered("app", app,
                        "version", "v" + plan.release().version(), "type", "run", "heritage", HERITAGE)))
                .spec(spec);
    }

    /** The type's postStart and preStop hooks: each a shell command, run as upstream runs it. */
    static Optional<V1Lifecycle> lifecycle(Config config, String type) {
        Optional<V1LifecycleHandler> postStart = hook(config.lifecyclePostStart().get(type));
        Optional<V1LifecycleHandler> preStop = hook(config.lifecyclePreStop().get(type));
        if (postStart.isEmpty() && preStop.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new V1Lifecycle().postStart(postStart.orElse(null)).preStop(preStop.orElse(null)));
    }

    private static Optional<V1LifecycleHandler> hook(String command) {
        return Optional.ofNullable(command).filter(c -> !c.isBlank()).map(c -> new V1LifecycleHandler()
                .exec(new V1ExecAction().command(List.of("/bin/bash", "-c", c))));
    }

    /** Each env var of a container, read from the release's env secret. */
    private static List<V1EnvVar> fromSecret(String secret, Map<String, String> env) {
        return env.keySet().stream()
                .map(name -> new V1EnvVar().name(name).valueFrom(new V1EnvVarSource().secretKeyRef(
                        new V1SecretKeySelector().name(secret).key(secretKey(name)))))
                .toList();
    }

    /** The app's Service: port {@value #SERVICE_PORT} to the app's port, selecting its routable type once it has one. */
    public static V1Service service(String app, int targetPort, Optional<String> routableType) {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put("app", app);
        selector.put("heritage", HERITAGE);
        routableType.ifPresent(type -> selector.put("type", type));
        return new V1Service().apiVersion("v1").kind("Service")
                .metadata(new V1ObjectMeta().name(app).namespace(app).labels(ordered("app", app, "heritage", HERITAGE)))
                .spec(new V1ServiceSpec().selector(selector).ports(List.of(new V1ServicePort().name("http")
                        .port(SERVICE_PORT).targetPort(new IntOrString(targetPort)))));
    }

    /** A buildpack build: made from source by the builder, run by the slug runner. */
    static boolean buildpack(Build build) {
        return build.sha() != null && !build.sha().isEmpty() && !build.procfile().isEmpty()
                && (build.dockerfile() == null || build.dockerfile().isEmpty());
    }

    private static void command(Build build, String type, V1Container container) {
        if (buildpack(build)) {
            container.command(List.of("/runner/init")).args(List.of("start", type));
        } else if (!type.equals("cmd") && build.procfile().containsKey(type)) {
            container.command(List.of("/bin/bash", "-c")).args(List.of(build.procfile().get(type)));
        }
        // type cmd of an image or Dockerfile build: the image's own CMD runs
    }

    /** {@code X} is a limit; {@code A/B} a request and a limit. */
    static V1ResourceRequirements resources(Config config, String type) {
        Map<String, Quantity> requests = new TreeMap<>();
        Map<String, Quantity> limits = new TreeMap<>();
        String memory = config.memory().get(type);
        if (memory != null) {
            put(memory, "memory", requests, limits, true);
        }
        String cpu = config.cpu().get(type);
        if (cpu != null) {
            put(cpu, "cpu", requests, limits, false);
        }
        V1ResourceRequirements resources = new V1ResourceRequirements();
        if (!requests.isEmpty()) {
            resources.requests(requests);
        }
        if (!limits.isEmpty()) {
            resources.limits(limits);
        }
        return resources;
    }

    private static void put(String value, String resource, Map<String, Quantity> requests,
                            Map<String, Quantity> limits, boolean memory) {
        int slash = value.indexOf('/');
        String request = slash < 0 ? null : value.substring(0, slash);
        String limit = slash < 0 ? value : value.substring(slash + 1);
        if (request != null && !request.isEmpty()) {
            requests.put(resource, new Quantity(memory ? memoryUnit(request) : request.toLowerCase(Locale.ROOT)));
        }
        limits.put(resource, new Quantity(memory ? memoryUnit(limit) : limit.toLowerCase(Locale.ROOT)));
    }

    /** Upstream's units: {@code 512M} is {@code 512Mi}, {@code 1G} {@code 1Gi}, {@code 64MB} {@code 64Mi}. */
    static String memoryUnit(String value) {
        String v = value.strip();
        if (v.isEmpty() || Character.isDigit(v.charAt(v.length() - 1))) {
            return v;
        }
        if (v.length() >= 2 && Character.toUpperCase(v.charAt(v.length() - 1)) == 'B'
                && Character.isLetter(v.charAt(v.length() - 2))) {
            v = v.substring(0, v.length() - 1);
        }
        return v.substring(0, v.length() - 1) + Character.toUpperCase(v.charAt(v.length() - 1)) + "i";
    }

    static long graceSeconds(Config config, String type) {
        String perType = config.terminationGracePeriod().get(type);
        Object setting = config.values().get("KUBERNETES_POD_TERMINATION_GRACE_PERIOD_SECONDS");
        for (Object candidate : new Object[] {perType, setting}) {
            if (candidate != null && candidate.toString().strip().matches("[0-9]{1,9}")) {
                return Long.parseLong(candidate.toString().strip());
            }
        }
        return DEFAULT_GRACE_SECONDS;
    }

    static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
