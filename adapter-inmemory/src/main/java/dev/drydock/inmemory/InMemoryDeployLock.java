package dev.drydock.inmemory;

import dev.drydock.ports.spi.DeployLock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The deploy lock and record of each app within this JVM: right for one server, whether its store
 * is in memory or in an embedded database that no other process opens. A lock lives only while
 * someone holds or waits for it; the record of an app (one number) lives until the app is
 * forgotten. Nothing needs to outlive the process: deploys in flight end with it.
 */
public final class InMemoryDeployLock implements DeployLock {
    private final ConcurrentHashMap<UUID, Entry> locks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Integer> newest = new ConcurrentHashMap<>();

    public InMemoryDeployLock() {
    }

    private static final class Entry {
        // fair: deploys of one app are let in in the order they asked
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    @Override
    public <T> T holding(UUID app, Function<Deploys, T> work) {
        Objects.requireNonNull(app, "app");
        Entry entry = locks.compute(app, (id, existing) -> {
            Entry e = existing == null ? new Entry() : existing;
            e.users++;
            return e;
        });
        try {
            entry.lock.lock();
            try {
                return work.apply(new Deploys() {
                    @Override
                    public int newest() {
                        return newest.getOrDefault(app, 0);
                    }

                    @Override
                    public void deployed(int version) {
                        newest.merge(app, version, Math::max);
                    }
                });
            } finally {
                entry.lock.unlock();
            }
        } finally {
            locks.computeIfPresent(app, (id, e) -> --e.users == 0 ? null : e);
        }
    }

    @Override
    public void forget(UUID app) {
        newest.remove(app);
    }

    /** How many apps have a holder or a waiter now. */
    int active() {
        return locks.size();
    }

    /** How many apps have a record. */
    int recorded() {
        return newest.size();
    }
}
