package dev.drydock.core.build;

import java.util.regex.Pattern;

/** Names of process types (web, worker, ...), as Procfiles and per-type config keys use them. */
public final class ProcessTypes {
    /** Lowercase letters and digits, in groups joined by single hyphens. */
    public static final Pattern NAME = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    public static final String INVALID = "Process types can only contain lowercase alphanumeric characters";

    private ProcessTypes() {
    }

    public static boolean valid(String type) {
        return type != null && NAME.matcher(type).matches();
    }
}
