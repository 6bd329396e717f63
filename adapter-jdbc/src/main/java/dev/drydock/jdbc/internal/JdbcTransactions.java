package dev.drydock.jdbc.internal;

import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Units of work on two pools: reads on read-only connections that see one snapshot
 * (REPEATABLE READ), writes at READ COMMITTED, serialised where they must be by the row locks the
 * repositories' {@code lock} methods take. Work nested on one thread joins the unit; a nested
 * write is a savepoint. A write that the database ends with a deadlock or a serialisation failure
 * runs again, a few times, from the start.
 *
 * <p>Most reads are one statement (a token's holder, a page of apps), which sees a snapshot of
 * its own without a transaction around it, so a read starts without one and is spared the round
 * trip of its commit. Should it make a second statement, it is stopped there and run again, from
 * the start, in a transaction: its work only reads, so running it again changes nothing. The code
 * that asked (the work's class, one per call site) is remembered, and starts in a transaction
 * from then on.
 */
public final class JdbcTransactions implements Transactions {
    static final int WRITE_ATTEMPTS = 5;

    // as long as the database waits for a row lock (H2's LOCK_TIMEOUT)
    private static final long QUEUE_MILLIS = 30_000;

    private final Jdbi reads;
    private final Jdbi writes;
    private final boolean flushEachWrite;
    private final TokenCache tokenCache;
    private final boolean notifyAuthChanges;
    private final LocalQueue queue = new LocalQueue(QUEUE_MILLIS);
    // call sites (classes of read work) that made more than one statement: as many as the code has
    private final Set<Class<?>> severalStatements = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<JdbcStore> current = new ThreadLocal<>();

    /**
     * @param flushEachWrite whether a write that changed something must be flushed to disk
     *                       ({@code CHECKPOINT}) before it returns: H2 in a file, whose commits
     *                       otherwise reach the file a little later
     */
    public JdbcTransactions(Jdbi reads, Jdbi writes, boolean flushEachWrite) {
        this(reads, writes, flushEachWrite, null, false);
    }

    /**
     * @param tokenCache        token holders kept between reads, or null for none
     * @param notifyAuthChanges whether a write that changes users or tokens tells the other servers
     *                          on the database ({@code NOTIFY}, see {@link PostgresAuthListener})
     */
    public static JdbcTransactions cached(Jdbi reads, Jdbi writes, boolean flushEachWrite, TokenCache tokenCache,
                                          boolean notifyAuthChanges) {
        return new JdbcTransactions(reads, writes, flushEachWrite, tokenCache, notifyAuthChanges);
    }

    private JdbcTransactions(Jdbi reads, Jdbi writes, boolean flushEachWrite, TokenCache tokenCache,
                             boolean notifyAuthChanges) {
        this.reads = reads;
        this.writes = writes;
        this.flushEachWrite = flushEachWrite;
        this.tokenCache = tokenCache;
        this.notifyAuthChanges = notifyAuthChanges;
    }

    @Override
    public <T> T read(Function<Store, T> work) {
        JdbcStore joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        try {
            if (!severalStatements.contains(work.getClass())) {
                try {
                    return single(work);
                } catch (Unit.SecondStatement again) {
                    severalStatements.add(work.getClass());
                }
            }
            return run(reads, false, work);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    @Override
    public <T> T write(Function<Store, T> work) {
        JdbcStore joined = current.get();
        if (joined != null) {
            return nested(joined, work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return run(writes, true, work);
            } catch (RuntimeException e) {
                boolean retry = attempt < WRITE_ATTEMPTS
                        && Errors.failure(e).filter(f -> f.kind() == Errors.Kind.RETRY).isPresent();
                if (!retry) {
                    throw Errors.translate(e);
                }
                pause(attempt);
            }
        }
    }

    /**
     * Runs {@code work} on the handle of the write this thread is in, joining it without a
     * savepoint, or else in a write of its own: for work that adds a row and cannot fail half-way.
     */
    void inWrite(java.util.function.Consumer<Handle> work) {
        JdbcStore joined = current.get();
        if (joined != null && joined.unit().writable()) {
            work.accept(joined.unit().write());
            return;
        }
        writeVoid(store -> work.accept(((JdbcStore) store).unit().write()));
    }

    private <T> T nested(JdbcStore joined, Function<Store, T> work) {
        Unit unit = joined.unit();
        if (!unit.writable()) {
            throw new IllegalStateException("Transactions.write was called inside Transactions.read");
        }
        Connection connection = unit.handle().getConnection();
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint(unit.nextSavepoint());
        } catch (SQLException e) {
            throw Errors.translate(new IllegalStateException("could not set a savepoint", e));
        }
        try {
            return work.apply(joined);
        } catch (RuntimeException | Error e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException undo) {
                e.addSuppressed(undo);
            }
            joined.forgetSeen();
            throw e;
        }
    }

    private <T> T single(Function<Store, T> work) {
        Handle handle = reads.open();
        Unit unit = new Unit(handle, false, true, null, tokenCache);
        current.set(new JdbcStore(unit));
        try {
            // the pool's connections wait in a transaction's mode; this one statement needs none
            handle.getConnection().setAutoCommit(true);
            return work.apply(current.get());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read outside a transaction: " + e.getMessage(), e);
        } finally {
            unit.close();
            current.remove();
            handle.close();
        }
    }

    private <T> T run(Jdbi jdbi, boolean writable, Function<Store, T> work) {
        Handle handle = jdbi.open();
        Unit unit = new Unit(handle, writable, false, queue, tokenCache);
        current.set(new JdbcStore(unit));
        try {
            T result = work.apply(current.get());
            if (notifyAuthChanges && unit.changedAuth()) {
                // delivered to every listening server when, and only if, this transaction commits
                handle.execute("NOTIFY " + PostgresAuthListener.CHANNEL);
            }
            commit(handle);
            if (writable && unit.wrote() && flushEachWrite) {
                // the next writer of the app may go on while this one waits for the file
                unit.leaveQueue();
                flush(handle);
            }
            return result;
        } catch (RuntimeException | Error e) {
            rollback(handle, e);
            throw e;
        } finally {
            if (tokenCache != null && unit.changedAuth()) {
                // after the commit, so no read can cache what it replaced (see TokenCache)
                tokenCache.invalidate();
            }
            unit.close();
            current.remove();
            handle.close();
        }
    }

    private static void commit(Handle handle) {
        try {
            handle.getConnection().commit();
        } catch (SQLException e) {
            throw new CommitFailed(e);
        }
    }

    private static void flush(Handle handle) {
        try (var statement = handle.getConnection().createStatement()) {
            statement.execute("CHECKPOINT");
            handle.getConnection().commit();
        } catch (SQLException e) {
            throw new CommitFailed(e);
        }
    }

    private static void rollback(Handle handle, Throwable cause) {
        try {
            handle.getConnection().rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    // a little random wait, so writers that deadlocked do not meet again at once
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A commit the database refused; its cause says why. */
    static final class CommitFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommitFailed(SQLException cause) {
            super("the database refused to commit: " + cause.getMessage(), cause);
        }
    }
}
