package dev.drydock.inmemory.internal;

import dev.drydock.ports.model.Config;
import dev.drydock.ports.spi.ConfigRepository;
import java.util.Map;
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
        Config stored = frozen(config);
        unit.put(t.configs, stored.uuid(), stored);
        unit.put(unit.child(t.configsByApp, stored.app(), TreeMap::new), t.next(), stored);
    }

    // values and healthcheck may hold nested maps and lists the caller could still change
    private static Config frozen(Config c) {
        Map<String, Object> values = Rows.frozen(c.values());
        Map<String, Object> healthcheck = Rows.frozen(c.healthcheck());
        return new Config(c.uuid(), c.app(), c.owner(), values, c.memory(), c.cpu(), c.tags(), c.registry(),
                healthcheck, c.lifecyclePostStart(), c.lifecyclePreStop(), c.terminationGracePeriod(),
                c.created(), c.updated());
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
