package dev.drydock.inmemory.internal;

import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.ReleaseRepository;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

final class MemoryReleaseRepository implements ReleaseRepository {
    private final Unit unit;

    MemoryReleaseRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public void insert(Release release) {
        Tables t = unit.write();
        NavigableMap<Integer, Release> releases = unit.child(t.releasesByApp, release.app(), TreeMap::new);
        if (releases.containsKey(release.version())) {
            throw Rows.taken("Release " + release.name() + " of " + release.app());
        }
        unit.put(releases, release.version(), release);
    }

    @Override
    public void update(Release release) {
        Tables t = unit.write();
        NavigableMap<Integer, Release> releases = t.releasesByApp.get(release.app());
        if (releases == null || !releases.containsKey(release.version())) {
            throw Rows.missing("Release");
        }
        unit.put(releases, release.version(), release);
    }

    @Override
    public Optional<Release> find(String app, int version) {
        NavigableMap<Integer, Release> releases = unit.read().releasesByApp.get(app);
        return releases == null ? Optional.empty() : Optional.ofNullable(releases.get(version));
    }

    @Override
    public int maxVersion(String app) {
        NavigableMap<Integer, Release> releases = unit.read().releasesByApp.get(app);
        return releases == null || releases.isEmpty() ? 0 : releases.lastKey();
    }

    @Override
    public Optional<Release> latestSucceeded(String app) {
        NavigableMap<Integer, Release> releases = unit.read().releasesByApp.get(app);
        if (releases == null) {
            return Optional.empty();
        }
        return releases.descendingMap().values().stream().filter(r -> !r.failed()).findFirst();
    }

    @Override
    public Page<Release> list(String app, PageRequest page) {
        NavigableMap<Integer, Release> releases = unit.read().releasesByApp.get(app);
        return releases == null ? Page.empty(page) : Rows.page(releases.descendingMap().values(), page);
    }
}
