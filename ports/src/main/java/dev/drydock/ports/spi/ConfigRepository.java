package dev.drydock.ports.spi;

import dev.drydock.ports.model.Config;
import java.util.Optional;
import java.util.UUID;

/** Config versions of apps. */
public interface ConfigRepository {
    void insert(Config config);

    Optional<Config> find(UUID uuid);

    /** The newest config of an app. */
    Optional<Config> latest(String app);
}
