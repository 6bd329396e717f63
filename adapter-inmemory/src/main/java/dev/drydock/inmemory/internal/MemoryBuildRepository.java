package dev.drydock.inmemory.internal;

import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.BuildRepository;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

final class MemoryBuildRepository implements BuildRepository {
    private final Unit unit;

    MemoryBuildRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void insert(Build build) {
        Tables t = unit.write();
        if (t.builds.containsKey(build.uuid())) {
            throw Rows.taken("Build with this uuid");
        }
        unit.put(t.builds, build.uuid(), build);
        unit.put(unit.child(t.buildsByApp, build.app(), TreeMap::new), t.next(), build);
    }

    @Override
    public Optional<Build> find(UUID uuid) {
        return Optional.ofNullable(unit.read().builds.get(uuid));
    }

    @Override
    public Page<Build> list(String app, PageRequest page) {
        NavigableMap<Long, Build> builds = unit.read().buildsByApp.get(app);
        return builds == null ? Page.empty(page) : Rows.page(builds.descendingMap().values(), page);
    }
}
