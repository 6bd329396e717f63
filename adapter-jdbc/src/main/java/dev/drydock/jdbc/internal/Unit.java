package dev.drydock.jdbc.internal;

import org.jdbi.v3.core.Handle;

/**
 * One unit of work: a database handle, whether it may write, and the thread it belongs to. The
 * repositories ask it for the handle, so a store kept past its unit, or used from another thread,
 * fails clearly instead of running on a connection that went back to the pool.
 */
public final class Unit {
    private final Handle handle;
    private final boolean writable;
    private final Thread owner = Thread.currentThread();
    private boolean open = true;
    private int savepoints;

    public Unit(Handle handle, boolean writable) {
        this.handle = handle;
        this.writable = writable;
    }

    public boolean writable() {
        return writable;
    }

    /** The handle, for reading. */
    Handle read() {
        if (!open || Thread.currentThread() != owner) {
            throw new IllegalStateException("the store was used outside its unit of work");
        }
        return handle;
    }

    /** The handle, for writing; fails inside a read-only unit. */
    Handle write() {
        Handle h = read();
        if (!writable) {
            throw new IllegalStateException("a change was attempted inside Transactions.read");
        }
        return h;
    }

    /** The handle for the unit's own commit, rollback and savepoints. */
    public Handle handle() {
        return handle;
    }

    /** A fresh savepoint name for a nested write. */
    public String nextSavepoint() {
        return "drydock_sp" + (++savepoints);
    }

    public void close() {
        open = false;
    }
}
