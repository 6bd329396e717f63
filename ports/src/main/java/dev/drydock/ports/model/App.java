package dev.drydock.ports.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An application. {@code structure} maps process type to desired count; {@code procfileStructure}
 * holds the last deployed Procfile (type to command).
 */
public record App(UUID uuid, String id, String owner, Map<String, Integer> structure,
                  Map<String, String> procfileStructure, Instant created, Instant updated) {
    public App {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        structure = Maps.sortedCopy(structure);
        procfileStructure = Maps.sortedCopy(procfileStructure);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
    }

    public App withOwner(String newOwner, Instant now) {
        return new App(uuid, id, newOwner, structure, procfileStructure, created, now);
    }

    public App withStructure(Map<String, Integer> newStructure, Map<String, String> procfile, Instant now) {
        return new App(uuid, id, owner, newStructure, procfile, created, now);
    }
}
