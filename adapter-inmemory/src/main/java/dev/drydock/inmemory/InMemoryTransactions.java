package dev.drydock.inmemory;

import dev.drydock.inmemory.internal.MemoryStore;
import dev.drydock.inmemory.internal.Tables;
import dev.drydock.inmemory.internal.Unit;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Every repository in memory, for tests and for embedding without a database. One writer or many
 * readers at a time; a write that throws leaves the store exactly as it found it.
 *
 * <p>Work nested in a unit of work on the same thread joins it: a {@code read} inside a
 * {@code write} sees the changes made so far, and a {@code write} inside a {@code write} that
 * throws undoes only its own changes (a savepoint) before the exception goes on. A {@code write}
 * inside a {@code read} is refused with {@link IllegalStateException}, because a read lock cannot
 * be upgraded. The {@link Store} handed to the work must not be kept after it returns.
 */
public final class InMemoryTransactions implements Transactions {
    private final Tables tables = new Tables();
    // fair, so a steady stream of readers cannot starve a writer
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final ThreadLocal<MemoryStore> current = new ThreadLocal<>();

    public InMemoryTransactions() {
    }

    @Override
    public <T> T read(Function<Store, T> work) {
        MemoryStore joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        return run(lock.readLock(), false, work);
    }

    @Override
    public <T> T write(Function<Store, T> work) {
        MemoryStore joined = current.get();
        if (joined == null) {
            return run(lock.writeLock(), true, work);
        }
        Unit unit = joined.unit();
        if (!unit.writable()) {
            throw new IllegalStateException("Transactions.write was called inside Transactions.read");
        }
        int savepoint = unit.mark();
        try {
            return work.apply(joined);
        } catch (RuntimeException | Error e) {
            unit.rollbackTo(savepoint);
            throw e;
        }
    }

    private <T> T run(Lock held, boolean writable, Function<Store, T> work) {
        held.lock();
        Unit unit = new Unit(tables, writable);
        MemoryStore store = new MemoryStore(unit);
        current.set(store);
        try {
            return work.apply(store);
        } catch (RuntimeException | Error e) {
            unit.rollbackTo(0);
            throw e;
        } finally {
            unit.close();
            current.remove();
            held.unlock();
        }
    }
}
