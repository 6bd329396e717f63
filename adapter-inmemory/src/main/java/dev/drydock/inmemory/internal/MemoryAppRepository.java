package dev.drydock.inmemory.internal;

import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.model.Tls;
import dev.drydock.ports.spi.AppRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

final class MemoryAppRepository implements AppRepository {
    private final Unit unit;

    MemoryAppRepository(Unit unit) {
        this.unit = unit;
    }

    @Override
    public Optional<App> find(String id) {
        return Optional.ofNullable(unit.read().apps.get(id));
    }

    @Override
    public Optional<App> lock(String id) {
        // the store's one write lock already serialises every write
        return Optional.ofNullable(unit.write().apps.get(id));
    }

    @Override
    public void insert(App app) {
        Tables t = unit.write();
        if (t.apps.containsKey(app.id())) {
            throw Rows.taken("Application with this id");
        }
        unit.put(t.apps, app.id(), app);
        unit.add(unit.child(t.appsByOwner, app.owner(), TreeSet::new), app.id());
    }

    @Override
    public void update(App app) {
        Tables t = unit.write();
        App old = t.apps.get(app.id());
        if (old == null) {
            throw Rows.missing("App");
        }
        unit.put(t.apps, app.id(), app);
        if (!old.owner().equals(app.owner())) {
            unit.removeFrom(t.appsByOwner, old.owner(), app.id());
            unit.add(unit.child(t.appsByOwner, app.owner(), TreeSet::new), app.id());
        }
    }

    @Override
    public void delete(String id) {
        Tables t = unit.write();
        App app = t.apps.get(id);
        if (app == null) {
            throw Rows.missing("App");
        }
        unit.remove(t.apps, id);
        unit.removeFrom(t.appsByOwner, app.owner(), id);

        NavigableMap<Long, Config> configs = unit.remove(t.configsByApp, id);
        if (configs != null) {
            configs.values().forEach(c -> unit.remove(t.configs, c.uuid()));
        }
        NavigableMap<Long, Build> builds = unit.remove(t.buildsByApp, id);
        if (builds != null) {
            builds.values().forEach(b -> unit.remove(t.builds, b.uuid()));
        }
        unit.remove(t.releasesByApp, id);
        NavigableMap<Long, Tls> tls = unit.remove(t.tlsByApp, id);
        if (tls != null) {
            tls.values().forEach(row -> unit.remove(t.tlsRows, row.uuid()));
        }
        Set<String> domains = t.domainsByApp.get(id);
        if (domains != null) {
            for (String domain : new ArrayList<>(domains)) {
                MemoryDomainRepository.delete(unit, domain);
            }
        }
        Set<String> grantees = t.grantsByApp.get(id);
        if (grantees != null) {
            for (String username : new ArrayList<>(grantees)) {
                MemoryPermissionRepository.revoke(unit, id, username);
            }
        }
    }

    @Override
    public Page<App> list(PageRequest page) {
        return Rows.page(unit.read().apps.values(), page);
    }

    @Override
    public Page<App> visibleTo(String username, PageRequest page) {
        Tables t = unit.read();
        NavigableSet<String> owned = t.appsByOwner.get(username);
        NavigableSet<String> shared = t.grantsByUser.get(username);
        NavigableSet<String> ids;
        if (shared == null) {
            ids = owned;
        } else if (owned == null) {
            ids = shared;
        } else {
            ids = new TreeSet<>(owned);
            ids.addAll(shared);
        }
        return Rows.page(ids, page, t.apps::get);
    }

    @Override
    public long countOwnedBy(String username) {
        Set<String> owned = unit.read().appsByOwner.get(username);
        return owned == null ? 0 : owned.size();
    }

    @Override
    public void transfer(String id, String from, String to, Instant now) {
        Tables t = unit.write();
        App app = t.apps.get(id);
        if (app == null) {
            throw Rows.missing("App");
        }
        update(app.withOwner(to, now));
        reown(t.configsByApp.get(id), from, Config::owner, c -> c.withOwner(to), c -> unit.put(t.configs, c.uuid(), c));
        reown(t.buildsByApp.get(id), from, Build::owner, b -> b.withOwner(to), b -> unit.put(t.builds, b.uuid(), b));
        reown(t.releasesByApp.get(id), from, Release::owner, r -> r.withOwner(to), r -> { });
        reown(t.tlsByApp.get(id), from, Tls::owner, r -> r.withOwner(to), r -> unit.put(t.tlsRows, r.uuid(), r));
        Set<String> domains = t.domainsByApp.get(id);
        if (domains != null) {
            for (String name : domains) {
                Domain domain = t.domains.get(name);
                if (domain.owner().equals(from)) {
                    unit.put(t.domains, name, domain.withOwner(to));
                }
            }
        }
    }

    private <K, V> void reown(Map<K, V> rows, String from, Function<V, String> owner, UnaryOperator<V> reowned,
                              Consumer<V> alsoStore) {
        if (rows == null) {
            return;
        }
        for (Map.Entry<K, V> entry : new ArrayList<>(rows.entrySet())) {
            if (owner.apply(entry.getValue()).equals(from)) {
                V changed = reowned.apply(entry.getValue());
                unit.put(rows, entry.getKey(), changed);
                alsoStore.accept(changed);
            }
        }
    }
}
