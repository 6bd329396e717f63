package dev.drydock.jdbc.internal;

import dev.drydock.ports.error.DrydockException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A queue in this JVM in front of a database row lock. When many writers of one server want the
 * same row (many clients changing one app), they wait here, in order, and one at a time goes on
 * to the database, instead of all of them waiting on the row there, where each commit wakes them
 * all to fight for it again. Writers of other servers still meet at the row lock itself.
 *
 * <p>A unit queues for its first locked app only, before it holds any row lock, so a wait here
 * never closes a cycle with a database lock: units that lock more rows wait on the database,
 * which finds deadlocks. A wait is bounded all the same.
 */
final class LocalQueue {
    private final ConcurrentHashMap<String, Entry> queues = new ConcurrentHashMap<>();
    private final long timeoutMillis;

    LocalQueue(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    /** Waits for the turn of {@code key}; the returned runnable ends it. */
    Runnable enter(String key) {
        Entry entry = queues.compute(key, (k, e) -> {
            Entry queue = e == null ? new Entry() : e;
            queue.users++;
            return queue;
        });
        boolean entered = false;
        try {
            entered = entry.lock.tryLock(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!entered) {
                leave(key);
            }
        }
        if (!entered) {
            throw DrydockException.unavailable(Errors.BUSY);
        }
        return () -> {
            entry.lock.unlock();
            leave(key);
        };
    }

    private void leave(String key) {
        queues.computeIfPresent(key, (k, e) -> --e.users == 0 ? null : e);
    }

    /** How many keys have a holder or a waiter. */
    int active() {
        return queues.size();
    }
}
