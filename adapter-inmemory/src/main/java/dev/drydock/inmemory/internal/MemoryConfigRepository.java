package dev.drydock.inmemory.internal;

import dev.drydock.ports.model.Config;
import dev.drydock.ports.spi.ConfigRepository;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

final class MemoryConfigRepository implements ConfigRepository {
    private final Unit unit;

    MemoryConfigRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void insert(Config config) {
        Tables t = unit.write();
        if (t.configs.containsKey(config.uuid())) {
            throw Rows.taken("Config with this uuid");
        }
        // a Config holds deep, unmodifiable copies of its trees: it can be kept as it is
        unit.put(t.configs, config.uuid(), config);
        unit.put(unit.child(t.configsByApp, config.app(), TreeMap::new), t.next(), config);
    }

    @Override
    public Optional<Config> find(UUID uuid) {
        return Optional.ofNullable(unit.read().configs.get(uuid));
    }

    @Override
    public Optional<Config> latest(String app) {
        NavigableMap<Long, Config> configs = unit.read().configsByApp.get(app);
        return configs == null ? Optional.empty() : Optional.of(configs.lastEntry().getValue());
    }
}
