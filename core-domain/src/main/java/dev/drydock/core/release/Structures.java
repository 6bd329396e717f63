package dev.drydock.core.release;

import dev.drydock.ports.model.Build;
import java.util.Map;
import java.util.TreeMap;

/** How many processes of each type an app runs after a deploy, as upstream decides it. */
final class Structures {
    private static final String WEB = "web";
    private static final String CMD = "cmd";

    private Structures() {
    }

    /**
     * The structure for deploying {@code next}: the first deploy gets the build's default; a change
     * of build type (image, buildpack, Dockerfile) stops web and cmd and merges in the new default;
     * otherwise counts are kept.
     */
    static Map<String, Integer> next(Map<String, Integer> current, Build previous, Build next) {
        Map<String, Integer> structure = new TreeMap<>(current);
        if (structure.isEmpty()) {
            structure.putAll(defaults(next));
        }
        if (previous != null && previous.type() != next.type()) {
            for (String routable : new String[] {WEB, CMD}) {
                structure.computeIfPresent(routable, (type, count) -> 0);
            }
            structure.putAll(defaults(next));
        }
        return structure;
    }

    /** One web process when the Procfile has one; one cmd process for image and Dockerfile builds. */
    static Map<String, Integer> defaults(Build build) {
        if (build.procfile().containsKey(WEB)) {
            return Map.of(WEB, 1);
        }
        if (build.sha().isEmpty() || !build.dockerfile().isEmpty()) {
            return Map.of(CMD, 1);
        }
        if (!build.procfile().isEmpty()) {
            return Map.of();
        }
        return Map.of(WEB, 1);
    }
}
