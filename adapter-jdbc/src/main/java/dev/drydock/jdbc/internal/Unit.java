package dev.drydock.jdbc.internal;

import org.jdbi.v3.core.Handle;

/**
 * One unit of work: a database handle, whether it may write, and the thread it belongs to. The
 * repositories ask it for the handle once per statement, so a store kept past its unit, or used
 * from another thread, fails clearly instead of running on a connection that went back to the
 * pool, and a read that was started as a single statement learns when it makes a second.
 */
public final class Unit {
    private final Handle handle;
    private final boolean writable;
    private final boolean single;
    private final LocalQueue queue;
    private final TokenCache tokens;
    private final Thread owner = Thread.currentThread();
    private Runnable leaveQueue;
    private boolean open = true;
    private int statements;
    private int savepoints;
    private boolean wrote;
    private boolean authChanged;

    public Unit(Handle handle, boolean writable) {
        this(handle, writable, false, null, null);
    }

    /**
     * @param single a read outside any transaction, allowed one statement, which sees a snapshot of
     *               its own; a second throws {@link SecondStatement}
     */
    Unit(Handle handle, boolean writable, boolean single, LocalQueue queue, TokenCache tokens) {
        this.handle = handle;
        this.writable = writable;
        this.single = single;
        this.queue = queue;
        this.tokens = tokens;
    }

    /**
     * The token cache, for a read that has made no statement yet; empty in a write, which must see
     * the database itself, and later in a read, whose snapshot may be older than the cache.
     */
    java.util.Optional<TokenCache> tokenCache() {
        return writable || statements > 0 ? java.util.Optional.empty() : java.util.Optional.ofNullable(tokens);
    }

    /** Notes that the unit changed a user or revoked tokens: cached holders go when it ends. */
    void authChanged() {
        authChanged = true;
    }

    boolean changedAuth() {
        return authChanged;
    }

    /**
     * Waits in this JVM's queue for {@code key} before the unit's first row lock, and holds its turn
     * until the unit ends (see {@link LocalQueue}); later row locks of the unit do not queue.
     */
    void queueFor(String key) {
        if (queue != null && leaveQueue == null && writable) {
            leaveQueue = queue.enter(key);
        }
    }

    /**
     * Thrown at the second statement of a read begun as a single statement, so that the read is
     * run again in a transaction that gives all its statements one snapshot. An Error, so the
     * read's own {@code catch (RuntimeException)} cannot swallow it.
     */
    static final class SecondStatement extends Error {
        private static final long serialVersionUID = 1L;
        static final SecondStatement INSTANCE = new SecondStatement();

        private SecondStatement() {
            super("a read made a second statement", null, false, false);
        }
    }

    public boolean writable() {
        return writable;
    }

    /** The handle, for one statement that reads. */
    Handle read() {
        if (!open || Thread.currentThread() != owner) {
            throw new IllegalStateException("the store was used outside its unit of work");
        }
        if (statements++ > 0 && single) {
            throw SecondStatement.INSTANCE;
        }
        return handle;
    }

    /** The handle, for writing; fails inside a read-only unit. */
    Handle write() {
        Handle h = read();
        if (!writable) {
            throw new IllegalStateException("a change was attempted inside Transactions.read");
        }
        wrote = true;
        return h;
    }

    /** Whether the unit asked for the handle to change something. */
    boolean wrote() {
        return wrote;
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
        leaveQueue();
    }

    /** Ends the unit's turn in the JVM's queue, once its commit has let its row locks go. */
    void leaveQueue() {
        if (leaveQueue != null) {
            leaveQueue.run();
            leaveQueue = null;
        }
    }
}
