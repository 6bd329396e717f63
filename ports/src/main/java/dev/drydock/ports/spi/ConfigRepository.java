package dev.drydock.ports.spi;

import dev.drydock.ports.model.Config;
import java.util.Optional;
import java.util.UUID;

/** Config versions of apps. */
public interface ConfigRepository {
    /** Stores a new config version; a taken uuid throws {@code ConflictException}. */
    void insert(Config config);

    /** The config version with this uuid, of whatever app. */
    Optional<Config> find(UUID uuid);

    /** The newest config of an app. */
    Optional<Config> latest(String app);
}
