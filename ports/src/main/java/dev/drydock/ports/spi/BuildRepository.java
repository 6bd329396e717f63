package dev.drydock.ports.spi;

import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import java.util.Optional;
import java.util.UUID;

/** Builds of apps. */
public interface BuildRepository {
    /** Stores a new build; a taken uuid throws {@code ConflictException}. */
    void insert(Build build);

    /** The build with this uuid, of whatever app. */
    Optional<Build> find(UUID uuid);

    /** An app's builds, newest first. */
    Page<Build> list(String app, PageRequest page);
}
