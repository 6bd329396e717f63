package dev.drydock.server;

import dev.drydock.core.Settings;
import dev.drydock.http.HttpLimits;
import dev.drydock.k8s.KubernetesSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the standalone server runs: where it listens, where it keeps its data, and the platform
 * settings. Read from the command line first, then the environment (upstream's variable names
 * where they exist). Database credentials come from the environment only: a process's arguments
 * are visible to every user of the machine.
 */
public record ServerConfig(String host, int port, Settings settings, StorageConfig storage,
                           SchedulerConfig scheduler, Optional<Integer> metricsPort) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final String DEFAULT_DATA_DIR = "data";
    static final String LIMIT_PROCESSES_FLAG = "--max-processes-per-type";
    static final String LIMIT_PROCESSES_ENV = "DRYDOCK_MAX_PROCESSES_PER_TYPE";
    static final String LIMIT_CONFIG_BYTES_FLAG = "--max-config-bytes";
    static final String LIMIT_CONFIG_BYTES_ENV = "DRYDOCK_MAX_CONFIG_BYTES";
    static final String LIMIT_CONFIG_KEYS_FLAG = "--max-config-keys";
    static final String LIMIT_CONFIG_KEYS_ENV = "DRYDOCK_MAX_CONFIG_KEYS";
    static final String LIMIT_PAGE_SIZE_FLAG = "--max-page-size";
    static final String LIMIT_PAGE_SIZE_ENV = "DRYDOCK_MAX_PAGE_SIZE";
    static final String METRICS_PORT_ENV = "DRYDOCK_METRICS_PORT";

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(metricsPort, "metricsPort");
        metricsPort.filter(p -> p < 0 || p > 65535).ifPresent(p -> {
            throw new IllegalArgumentException("metrics port must be between 0 and 65535, not " + p);
        });
    }

    /** A server with no metrics port. */
    public ServerConfig(String host, int port, Settings settings, StorageConfig storage, SchedulerConfig scheduler) {
        this(host, port, settings, storage, scheduler, Optional.empty());
    }

    /** Which scheduler runs the apps. */
    public enum SchedulerKind {
        /** records deploys, scaling and pods, runs nothing: the default, which needs no cluster */
        SIMULATED,
        /** a Kubernetes cluster, reached through a kubeconfig or the pod's service account */
        KUBERNETES
    }

    /**
     * How the scheduler reaches its cluster and deploys there; everything but the kind matters to
     * the Kubernetes scheduler only.
     *
     * @param kubeconfig     the kubeconfig file named by {@code KUBECONFIG}; empty for
     *                       {@code ~/.kube/config}, else the in-cluster service account
     * @param deployTimeout  how long a rollout may take before it is rolled back
     * @param callTimeout    how long one call to the cluster's API may take
     * @param platformDomain the domain under which an app's bare default domain is served
     */
    public record SchedulerConfig(SchedulerKind kind, Optional<Path> kubeconfig, Duration deployTimeout,
                                  Duration callTimeout, Optional<String> platformDomain,
                                  Optional<String> ingressClass, Optional<String> httpsAnnotation) {
        public static final Duration DEFAULT_DEPLOY_TIMEOUT = Duration.ofSeconds(120);
        public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);

        public SchedulerConfig {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(kubeconfig, "kubeconfig");
            Objects.requireNonNull(deployTimeout, "deployTimeout");
            Objects.requireNonNull(callTimeout, "callTimeout");
            Objects.requireNonNull(platformDomain, "platformDomain");
            Objects.requireNonNull(ingressClass, "ingressClass");
            Objects.requireNonNull(httpsAnnotation, "httpsAnnotation");
        }

        /** The simulated scheduler, with the Kubernetes defaults beside it. */
        public static SchedulerConfig simulated() {
            return new SchedulerConfig(SchedulerKind.SIMULATED, Optional.empty(), DEFAULT_DEPLOY_TIMEOUT,
                    DEFAULT_CALL_TIMEOUT, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** Which store. */
    public enum StorageKind {
        /** in this JVM's memory; lost when the server stops */
        MEMORY,
        /** an H2 database in the data directory: the default */
        H2,
        /** the database at a JDBC URL, normally PostgreSQL, which several servers may share */
        DATABASE
    }

    /**
     * Where the data is kept. The password is left out of {@link #toString()}.
     *
     * @param poolSize connections per pool; empty for the store's default
     */
    public record StorageConfig(StorageKind kind, Path dataDir, String databaseUrl, String user, String password,
                                Optional<Integer> poolSize) {
        public StorageConfig {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(poolSize, "poolSize");
        }

        @Override
        public String toString() {
            return switch (kind) {
                case MEMORY -> "in memory";
                case H2 -> "H2 in " + dataDir;
                case DATABASE -> databaseUrl + (user == null ? "" : " as " + user);
            };
        }
    }

    /** Command-line flags win over the environment. */
    public static ServerConfig from(String[] args, Map<String, String> env) {
        String host = env.getOrDefault("DRYDOCK_HOST", DEFAULT_HOST);
        String hostSource = "DRYDOCK_HOST";
        int port = env.containsKey("PORT") ? parsePort(env.get("PORT")) : DEFAULT_PORT;
        String storage = blankToNull(env.get("DRYDOCK_STORAGE"));
        String dataDir = Optional.ofNullable(blankToNull(env.get("DRYDOCK_DATA_DIR"))).orElse(DEFAULT_DATA_DIR);
        String databaseUrl = blankToNull(env.get("DRYDOCK_DATABASE_URL"));
        Map<String, String> limitFlags = new HashMap<>();
        boolean storageFlag = false;
        String scheduler = blankToNull(env.get(SCHEDULER_ENV));
        String schedulerSource = SCHEDULER_ENV;
        String platformDomain = blankToNull(env.get(PLATFORM_DOMAIN_ENV));
        String metricsPort = blankToNull(env.get(METRICS_PORT_ENV));
        String metricsSource = METRICS_PORT_ENV;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") && arg.startsWith("--") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (flag) {
                case "--port" -> port = parsePort(inline != null ? inline : value(args, ++i, arg));
                case "--host" -> {
                    host = inline != null ? inline : value(args, ++i, arg);
                    hostSource = "--host";
                }
                case "--storage" -> {
                    storage = inline != null ? inline : value(args, ++i, arg);
                    storageFlag = true;
                }
                case "--scheduler" -> {
                    scheduler = inline != null ? inline : value(args, ++i, arg);
                    schedulerSource = "--scheduler";
                }
                case "--platform-domain" -> platformDomain = inline != null ? inline : value(args, ++i, arg);
                case "--metrics-port" -> {
                    metricsPort = inline != null ? inline : value(args, ++i, arg);
                    metricsSource = "--metrics-port";
                }
                case "--data-dir" -> dataDir = inline != null ? inline : value(args, ++i, arg);
                case "--database-url" -> databaseUrl = inline != null ? inline : value(args, ++i, arg);
                case LIMIT_PROCESSES_FLAG, LIMIT_CONFIG_BYTES_FLAG, LIMIT_CONFIG_KEYS_FLAG, LIMIT_PAGE_SIZE_FLAG -> limitFlags.put(flag, inline != null ? inline : value(args, ++i, arg));
                case "--database-user", "--database-password" -> throw new UsageException(flag
                        + " is not taken on the command line, where every user of the machine can read it: set "
                        + (flag.endsWith("user") ? "DRYDOCK_DATABASE_USER" : "DRYDOCK_DATABASE_PASSWORD")
                        + " in the environment");
                case "--help", "-h" -> throw new InfoRequested(usage());
                case "--version" -> throw new InfoRequested(version());
                default -> throw new UsageException("unknown argument: " + arg + " (--help lists them)");
            }
        }
        checkHost(hostSource, host);
        StorageConfig storageConfig = storage(storage, storageFlag, dataDir, databaseUrl, env);
        String metricsFrom = metricsSource;
        return new ServerConfig(host, port, settings(env).withLimits(limits(limitFlags, env)), storageConfig,
                scheduler(scheduler, schedulerSource, platformDomain, env),
                Optional.ofNullable(metricsPort).map(text -> metricsPort(metricsFrom, text)));
    }

    static final String SCHEDULER_ENV = "DRYDOCK_SCHEDULER";
    static final String PLATFORM_DOMAIN_ENV = "DRYDOCK_PLATFORM_DOMAIN";
    static final String DEPLOY_TIMEOUT_ENV = "DRYCC_DEPLOY_TIMEOUT";
    static final String CALL_TIMEOUT_ENV = "DRYDOCK_KUBERNETES_TIMEOUT";
    static final String INGRESS_CLASS_ENV = "DRYDOCK_INGRESS_CLASS";
    static final String HTTPS_ANNOTATION_ENV = "DRYDOCK_HTTPS_ANNOTATION";

    private static SchedulerConfig scheduler(String requested, String source, String platformDomain,
                                             Map<String, String> env) {
        SchedulerKind kind = SchedulerKind.SIMULATED;
        if (requested != null) {
            kind = switch (requested.strip().toLowerCase(Locale.ROOT)) {
                case "simulated" -> SchedulerKind.SIMULATED;
                case "kubernetes", "k8s" -> SchedulerKind.KUBERNETES;
                default -> throw new UsageException(source + " must be simulated or kubernetes, not " + requested);
            };
        }
        // KUBECONFIG may list several files; the first one names the cluster
        Optional<Path> kubeconfig = Optional.ofNullable(blankToNull(env.get("KUBECONFIG")))
                .map(list -> list.split(java.io.File.pathSeparator)[0])
                .filter(first -> !first.isBlank())
                .map(Path::of);
        Duration deployTimeout = Duration.ofSeconds(whole(env, DEPLOY_TIMEOUT_ENV,
                (int) SchedulerConfig.DEFAULT_DEPLOY_TIMEOUT.toSeconds(), 1, 86_400));
        Duration callTimeout = Duration.ofSeconds(whole(env, CALL_TIMEOUT_ENV,
                (int) SchedulerConfig.DEFAULT_CALL_TIMEOUT.toSeconds(), 1, 3_600));
        Optional<String> domain = Optional.ofNullable(blankToNull(platformDomain));
        Optional<String> ingressClass = Optional.ofNullable(blankToNull(env.get(INGRESS_CLASS_ENV)));
        Optional<String> httpsAnnotation = Optional.ofNullable(blankToNull(env.get(HTTPS_ANNOTATION_ENV)));
        // checked whichever scheduler runs, so a mistake shows before the day a cluster is used
        KubernetesSettings settings = KubernetesSettings.defaults();
        checked("--platform-domain or " + PLATFORM_DOMAIN_ENV, () -> settings.withPlatformDomain(domain));
        ingressClass.ifPresent(name -> checked(INGRESS_CLASS_ENV, () -> settings.withIngressClass(name)));
        httpsAnnotation.ifPresent(key -> checked(HTTPS_ANNOTATION_ENV, () -> settings.withHttpsAnnotation(key)));
        return new SchedulerConfig(kind, kubeconfig, deployTimeout, callTimeout, domain, ingressClass,
                httpsAnnotation);
    }

    private static void checked(String source, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new UsageException(source + ": " + e.getMessage());
        }
    }

    /**
     * A host the listener's URI can hold: an IP address or a hostname. Anything else (my_host,
     * 999.1.1.1, nothing) left that URI without a host, and the server listened on every interface
     * on port 80.
     */
    private static void checkHost(String source, String host) {
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        boolean valid;
        try {
            valid = !host.isBlank() && new URI("http://" + bracketed + ":" + DEFAULT_PORT + "/").getHost() != null;
        } catch (URISyntaxException e) {
            valid = false;
        }
        if (!valid) {
            throw new UsageException(source + " must be an IP address or a hostname, not \"" + host + "\"");
        }
    }

    private static Settings.Limits limits(Map<String, String> flags, Map<String, String> env) {
        Settings.Limits limits = Settings.Limits.defaults();
        return limits
                .withProcessesPerType(limit(flags, env, LIMIT_PROCESSES_FLAG, LIMIT_PROCESSES_ENV,
                        limits.processesPerType(), Integer.MAX_VALUE))
                .withConfigBytes(limit(flags, env, LIMIT_CONFIG_BYTES_FLAG, LIMIT_CONFIG_BYTES_ENV,
                        limits.configBytes(), Settings.Limits.SECRET_BYTES))
                .withConfigKeys(limit(flags, env, LIMIT_CONFIG_KEYS_FLAG, LIMIT_CONFIG_KEYS_ENV,
                        limits.configKeys(), Integer.MAX_VALUE))
                .withPageSize(limit(flags, env, LIMIT_PAGE_SIZE_FLAG, LIMIT_PAGE_SIZE_ENV,
                        limits.pageSize(), Integer.MAX_VALUE));
    }

    /** A limit from its flag, else its environment variable, else the default; 1 to {@code max}. */
    private static int limit(Map<String, String> flags, Map<String, String> env, String flag, String variable,
                             int defaultValue, int max) {
        String fromFlag = flags.get(flag);
        String text = fromFlag != null ? fromFlag : blankToNull(env.get(variable));
        if (text == null) {
            return defaultValue;
        }
        return wholeNumber(fromFlag != null ? flag : variable, text, 1, max);
    }

    private static StorageConfig storage(String requested, boolean fromFlag, String dataDir, String databaseUrl,
                                         Map<String, String> env) {
        String source = fromFlag ? "--storage" : "DRYDOCK_STORAGE";
        StorageKind kind;
        if (requested == null) {
            kind = databaseUrl == null ? StorageKind.H2 : StorageKind.DATABASE;
        } else {
            kind = switch (requested.strip().toLowerCase(Locale.ROOT)) {
                case "memory" -> StorageKind.MEMORY;
                case "h2" -> StorageKind.H2;
                case "postgres", "postgresql", "database" -> StorageKind.DATABASE;
                default -> throw new UsageException(source + " must be memory, h2 or postgres, not " + requested);
            };
        }
        if (kind == StorageKind.DATABASE) {
            if (databaseUrl == null) {
                throw new UsageException("postgres storage needs --database-url (or DRYDOCK_DATABASE_URL), "
                        + "e.g. jdbc:postgresql://db.example.com:5432/drydock");
            }
            if (!databaseUrl.startsWith("jdbc:postgresql:") && !databaseUrl.startsWith("jdbc:h2:")) {
                throw new UsageException("the database URL must be a JDBC URL of PostgreSQL "
                        + "(jdbc:postgresql://host:5432/name), not " + databaseUrl.replaceAll("(?i)password=[^&;]*", "password=***"));
            }
        } else if (databaseUrl != null && requested != null) {
            throw new UsageException("a database URL was given, but " + source + " is " + requested
                    + ": leave " + source + " out, or set it to postgres");
        }
        Optional<Integer> poolSize = Optional.ofNullable(blankToNull(env.get("DRYDOCK_DATABASE_POOL_SIZE")))
                .map(size -> wholeNumber("DRYDOCK_DATABASE_POOL_SIZE", size, 1, 1000));
        return new StorageConfig(kind, Path.of(dataDir), kind == StorageKind.DATABASE ? databaseUrl : null,
                blankToNull(env.get("DRYDOCK_DATABASE_USER")), env.get("DRYDOCK_DATABASE_PASSWORD"), poolSize);
    }

    private static Settings settings(Map<String, String> env) {
        Settings settings = Settings.defaults();
        String mode = env.get("REGISTRATION_MODE");
        if (mode != null && !mode.isBlank()) {
            settings = settings.withRegistrationMode(Settings.RegistrationMode.parse(mode));
        }
        String reserved = env.get("RESERVED_NAMES");
        if (reserved != null) {
            settings = settings.withReservedNames(Arrays.stream(reserved.split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        String builderKey = env.get("DRYCC_BUILDER_KEY");
        return settings.withBuilderKey(Optional.ofNullable(builderKey).filter(k -> !k.isBlank()));
    }

    /** Every flag and environment variable with its default: what {@code --help} prints. */
    static String usage() {
        return String.join("\n", List.of(
                "usage: java -jar drydock-server.jar [FLAG VALUE | FLAG=VALUE]...",
                "",
                "A flag wins over its environment variable.",
                "",
                "  flag                       environment                     default",
                "  --host HOST                DRYDOCK_HOST                    " + DEFAULT_HOST,
                "  --port N                   PORT                            " + DEFAULT_PORT,
                "  --storage h2|postgres|memory",
                "                             DRYDOCK_STORAGE                 h2, or postgres with a database URL",
                "  --data-dir DIR             DRYDOCK_DATA_DIR                ./" + DEFAULT_DATA_DIR + " (H2's files)",
                "  --database-url URL         DRYDOCK_DATABASE_URL            none (jdbc:postgresql://host:5432/name)",
                "  --scheduler simulated|kubernetes",
                "                             DRYDOCK_SCHEDULER               simulated",
                "  --platform-domain DOMAIN   DRYDOCK_PLATFORM_DOMAIN         none (bare app domains get no Ingress rule)",
                "  --metrics-port N           " + pad(METRICS_PORT_ENV, 32)
                        + "none: no /metrics (0: any free port)",
                "  " + pad(LIMIT_PROCESSES_FLAG + " N", 27) + pad(LIMIT_PROCESSES_ENV, 32)
                        + Settings.Limits.defaults().processesPerType(),
                "  " + pad(LIMIT_CONFIG_BYTES_FLAG + " N", 27) + pad(LIMIT_CONFIG_BYTES_ENV, 32)
                        + Settings.Limits.defaults().configBytes(),
                "  " + pad(LIMIT_CONFIG_KEYS_FLAG + " N", 27) + pad(LIMIT_CONFIG_KEYS_ENV, 32)
                        + Settings.Limits.defaults().configKeys(),
                "  " + pad(LIMIT_PAGE_SIZE_FLAG + " N", 27) + pad(LIMIT_PAGE_SIZE_ENV, 32)
                        + Settings.Limits.defaults().pageSize(),
                "  --help, -h                                                 prints this and exits",
                "  --version                                                  prints the version and exits",
                "",
                "  environment only                                           default",
                "  DRYDOCK_DATABASE_USER, DRYDOCK_DATABASE_PASSWORD           none (never on the command line)",
                "  DRYDOCK_DATABASE_POOL_SIZE                                 10",
                "  REGISTRATION_MODE (enabled|disabled|admin_only)            enabled",
                "  RESERVED_NAMES (comma-separated app ids)                   none",
                "  DRYCC_BUILDER_KEY                                          none (builder hooks refuse every call)",
                "  DRYDOCK_HTTP_WORKERS, DRYDOCK_HTTP_QUEUE                   " + HttpLimits.DEFAULT.workers() + ", "
                        + HttpLimits.DEFAULT.queue(),
                "  DRYDOCK_DEPLOY_WORKERS                                     " + HttpLimits.DEFAULT.deployWorkers(),
                "  DRYDOCK_BODY_TIMEOUT, DRYDOCK_WRITE_TIMEOUT (seconds)      "
                        + HttpLimits.DEFAULT.bodyDeadline().toSeconds() + ", "
                        + HttpLimits.DEFAULT.writeDeadline().toSeconds(),
                "  DRYDOCK_MAX_CONNECTIONS                                    1000, or the file limit less 256",
                "  KUBECONFIG                                                 ~/.kube/config, else the service account",
                "  DRYCC_DEPLOY_TIMEOUT (seconds)                             "
                        + SchedulerConfig.DEFAULT_DEPLOY_TIMEOUT.toSeconds(),
                "  DRYDOCK_KUBERNETES_TIMEOUT (seconds)                       "
                        + SchedulerConfig.DEFAULT_CALL_TIMEOUT.toSeconds(),
                "  DRYDOCK_INGRESS_CLASS                                      " + KubernetesSettings.DEFAULT_INGRESS_CLASS,
                "  DRYDOCK_HTTPS_ANNOTATION                                   "
                        + KubernetesSettings.DEFAULT_HTTPS_ANNOTATION));
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new UsageException(flag + " needs a value (--help lists them)");
        }
        return args[i];
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port < 0 || port > 65535) {
                throw new UsageException("port must be between 0 and 65535, not " + text);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("port must be a number, not " + text);
        }
    }

    private static int metricsPort(String source, String text) {
        try {
            return parsePort(text);
        } catch (UsageException e) {
            throw new UsageException(source + ": " + e.getMessage());
        }
    }

    /**
     * What one HTTP client may cost the server (see {@link dev.drydock.http.HttpLimits}), from the
     * environment: DRYDOCK_HTTP_WORKERS, DRYDOCK_HTTP_QUEUE, DRYDOCK_BODY_TIMEOUT and
     * DRYDOCK_WRITE_TIMEOUT (seconds), DRYDOCK_MAX_CONNECTIONS, DRYDOCK_DEPLOY_WORKERS.
     */
    public static dev.drydock.http.HttpLimits httpLimits(Map<String, String> env) {
        dev.drydock.http.HttpLimits d = dev.drydock.http.HttpLimits.DEFAULT;
        int workers = whole(env, "DRYDOCK_HTTP_WORKERS", d.workers(), 1, 1_000);
        int queue = whole(env, "DRYDOCK_HTTP_QUEUE", d.queue(), 0, 100_000);
        int body = whole(env, "DRYDOCK_BODY_TIMEOUT", (int) d.bodyDeadline().toSeconds(), 1, 3_600);
        int write = whole(env, "DRYDOCK_WRITE_TIMEOUT", (int) d.writeDeadline().toSeconds(), 1, 3_600);
        int connections = whole(env, "DRYDOCK_MAX_CONNECTIONS", d.maxConnections(), 1, 1_000_000);
        int deploys = whole(env, "DRYDOCK_DEPLOY_WORKERS", d.deployWorkers(), 1, 1_000);
        return d.withWorkers(workers, queue)
                .withDeadlines(java.time.Duration.ofSeconds(body), java.time.Duration.ofSeconds(write))
                .withMaxConnections(connections)
                .withDeployWorkers(deploys);
    }

    private static int whole(Map<String, String> env, String variable, int defaultValue, int min, int max) {
        String text = blankToNull(env.get(variable));
        if (text == null) {
            return defaultValue;
        }
        return wholeNumber(variable, text, min, max);
    }

    /** A whole number from {@code min} to {@code max}; else the one line that says so, naming its source. */
    private static int wholeNumber(String source, String text, int min, int max) {
        String range = source + " must be a whole number from " + min + " to " + max + ", not " + text;
        String digits = text.strip();
        if (!digits.matches("[0-9]{1,10}")) {
            throw new UsageException(range);
        }
        long value = Long.parseLong(digits);
        if (value < min || value > max) {
            throw new UsageException(range);
        }
        return (int) value;
    }

    /** The version of this server, as its jar's manifest says; "development" when run from classes. */
    public static String version() {
        String version = ServerConfig.class.getPackage().getImplementationVersion();
        return "drydock " + (version == null ? "development" : version) + " (Drycc controller API 2.3)";
    }

    /** {@code --help} or {@code --version}: the message is what to print; the exit code is 0. */
    public static final class InfoRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InfoRequested(String message) {
            super(message);
        }
    }

    /** A command line or environment that cannot be used; the message says why. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
