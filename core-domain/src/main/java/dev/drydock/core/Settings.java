package dev.drydock.core;

import dev.drydock.ports.model.PageRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Platform settings the core obeys, with upstream's names and defaults.
 *
 * @param registrationMode  who may register: enabled, disabled or admin_only
 * @param reservedNames     app ids nobody may take
 * @param builderKey        the shared secret of the builder hooks; empty closes the hooks
 * @param passwordIterations PBKDF2 iterations for new password hashes
 * @param limits            how much one user may ask for (upstream has none of these)
 */
public record Settings(RegistrationMode registrationMode, List<String> reservedNames,
                       Optional<String> builderKey, int passwordIterations, Limits limits) {
    public static final int DEFAULT_PASSWORD_ITERATIONS = 310_000;

    public Settings {
        Objects.requireNonNull(registrationMode, "registrationMode");
        reservedNames = List.copyOf(reservedNames);
        Objects.requireNonNull(builderKey, "builderKey");
        if (passwordIterations < 1) {
            throw new IllegalArgumentException("passwordIterations must be positive");
        }
        Objects.requireNonNull(limits, "limits");
    }

    public static Settings defaults() {
        return new Settings(RegistrationMode.ENABLED, List.of(), Optional.empty(), DEFAULT_PASSWORD_ITERATIONS,
                Limits.defaults());
    }

    public Settings withRegistrationMode(RegistrationMode mode) {
        return new Settings(mode, reservedNames, builderKey, passwordIterations, limits);
    }

    public Settings withReservedNames(List<String> names) {
        return new Settings(registrationMode, names, builderKey, passwordIterations, limits);
    }

    public Settings withBuilderKey(Optional<String> key) {
        return new Settings(registrationMode, reservedNames, key, passwordIterations, limits);
    }

    public Settings withPasswordIterations(int iterations) {
        return new Settings(registrationMode, reservedNames, builderKey, iterations, limits);
    }

    public Settings withLimits(Limits value) {
        return new Settings(registrationMode, reservedNames, builderKey, passwordIterations, value);
    }

    /**
     * How much one user may ask for, so that no one client can exhaust the server or the cluster
     * for everyone else. A request beyond a limit is refused with a 400 that says so.
     *
     * @param processesPerType the most processes of one type a scale may ask for
     * @param configBytes      the most bytes an app's config may take: the UTF-8 text of every key and
     *                         value of every field, the env among them; at most {@link #SECRET_BYTES}
     * @param configKeys       the most keys one field of a config (values, memory, tags...) may hold
     * @param pageSize         the most items one page of a list holds; a larger page asked for is
     *                         cut to this size, never refused (clients ask for a lot to get everything)
     */
    public record Limits(int processesPerType, int configBytes, int configKeys, int pageSize) {
        public static final int DEFAULT_PROCESSES_PER_TYPE = 100;
        /** What one Kubernetes Secret holds: an env that does not fit in one can never be deployed. */
        public static final int SECRET_BYTES = 1024 * 1024;
        /**
         * Apps use tens of env vars. A thousand leaves room for any of them, while the key set that
         * every change copies, and the env list of the Deployment (one secretKeyRef per key, in an
         * object etcd caps at 1.5 MiB), stay small.
         */
        public static final int DEFAULT_CONFIG_KEYS = 1000;
        public static final int DEFAULT_PAGE_SIZE = 1000;

        public Limits {
            positive("processesPerType", processesPerType);
            positive("configBytes", configBytes);
            if (configBytes > SECRET_BYTES) {
                throw new IllegalArgumentException("configBytes must be at most " + SECRET_BYTES
                        + " (what a Kubernetes Secret holds), not " + configBytes);
            }
            positive("configKeys", configKeys);
            positive("pageSize", pageSize);
        }

        public static Limits defaults() {
            return new Limits(DEFAULT_PROCESSES_PER_TYPE, SECRET_BYTES, DEFAULT_CONFIG_KEYS, DEFAULT_PAGE_SIZE);
        }

        public Limits withProcessesPerType(int value) {
            return new Limits(value, configBytes, configKeys, pageSize);
        }

        public Limits withConfigBytes(int value) {
            return new Limits(processesPerType, value, configKeys, pageSize);
        }

        public Limits withConfigKeys(int value) {
            return new Limits(processesPerType, configBytes, value, pageSize);
        }

        public Limits withPageSize(int value) {
            return new Limits(processesPerType, configBytes, configKeys, value);
        }

        /** The window asked for, cut to at most {@link #pageSize} items. */
        public PageRequest page(PageRequest asked) {
            return asked.atMost(pageSize);
        }

        private static void positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, not " + value);
            }
        }
    }

    /** Who may register. */
    public enum RegistrationMode {
        ENABLED, DISABLED, ADMIN_ONLY;

        /** Parses upstream's values (enabled, disabled, admin_only). */
        public static RegistrationMode parse(String value) {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "enabled" -> ENABLED;
                case "disabled" -> DISABLED;
                case "admin_only" -> ADMIN_ONLY;
                default -> throw new IllegalArgumentException(
                        "REGISTRATION_MODE must be enabled, disabled or admin_only, not " + value);
            };
        }
    }
}
