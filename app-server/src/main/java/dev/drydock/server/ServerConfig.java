package dev.drydock.server;

import dev.drydock.core.Settings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the standalone server runs: where it listens and the platform settings. Read from the
 * command line first, then the environment (upstream's variable names where they exist).
 */
public record ServerConfig(String host, int port, Settings settings) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
    }

    /** Command-line flags win over the environment. */
    public static ServerConfig from(String[] args, Map<String, String> env) {
        String host = env.getOrDefault("DRYDOCK_HOST", DEFAULT_HOST);
        int port = env.containsKey("PORT") ? parsePort(env.get("PORT")) : DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> port = parsePort(value(args, ++i, arg));
                case "--host" -> host = value(args, ++i, arg);
                case "--help", "-h" -> throw new UsageException(usage());
                default -> {
                    if (arg.startsWith("--port=")) {
                        port = parsePort(arg.substring("--port=".length()));
                    } else if (arg.startsWith("--host=")) {
                        host = arg.substring("--host=".length());
                    } else {
                        throw new UsageException("unknown argument: " + arg + "\n" + usage());
                    }
                }
            }
        }
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
        settings = settings.withBuilderKey(Optional.ofNullable(builderKey).filter(k -> !k.isBlank()));
        return new ServerConfig(host, port, settings);
    }

    static String usage() {
        return String.join("\n", List.of(
                "usage: java -jar drydock-server.jar [--host HOST] [--port PORT]",
                "environment: PORT, DRYDOCK_HOST, REGISTRATION_MODE (enabled|disabled|admin_only),",
                "             RESERVED_NAMES (comma-separated app ids), DRYCC_BUILDER_KEY"));
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new UsageException(flag + " needs a value\n" + usage());
        }
        return args[i];
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

    /** A command line or environment that cannot be used; the message says why. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
