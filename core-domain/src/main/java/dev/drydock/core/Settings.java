package dev.drydock.core;

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
 */
public record Settings(RegistrationMode registrationMode, List<String> reservedNames,
                       Optional<String> builderKey, int passwordIterations) {
    public static final int DEFAULT_PASSWORD_ITERATIONS = 310_000;

    public Settings {
        Objects.requireNonNull(registrationMode, "registrationMode");
        reservedNames = List.copyOf(reservedNames);
        Objects.requireNonNull(builderKey, "builderKey");
        if (passwordIterations < 1) {
            throw new IllegalArgumentException("passwordIterations must be positive");
        }
    }

    public static Settings defaults() {
        return new Settings(RegistrationMode.ENABLED, List.of(), Optional.empty(), DEFAULT_PASSWORD_ITERATIONS);
    }

    public Settings withRegistrationMode(RegistrationMode mode) {
        return new Settings(mode, reservedNames, builderKey, passwordIterations);
    }

    public Settings withReservedNames(List<String> names) {
        return new Settings(registrationMode, names, builderKey, passwordIterations);
    }

    public Settings withBuilderKey(Optional<String> key) {
        return new Settings(registrationMode, reservedNames, key, passwordIterations);
    }

    public Settings withPasswordIterations(int iterations) {
        return new Settings(registrationMode, reservedNames, builderKey, iterations);
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
