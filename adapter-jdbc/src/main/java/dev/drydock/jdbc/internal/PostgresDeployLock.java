package dev.drydock.jdbc.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.spi.DeployLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The deploy lock of an app as a PostgreSQL session-level advisory lock, so every server on the
 * database takes turns, and its record in table {@code app_deploys}. A holder keeps a connection
 * of its own pool for as long as it holds the lock (a rollout may take minutes), apart from the
 * pools the store's work uses, so holders never starve that work of connections; it reads and
 * writes the record on that connection. If the server dies, its session ends and the lock goes
 * with it. Holders of one server first take turns in this JVM, so a server asks the database for
 * one lock of an app at a time and its waiters hold no connection.
 *
 * <p>The pool's sessions commit without waiting for the disk ({@code synchronous_commit = off}):
 * they only write the record, which the port lets a database crash lose.
 */
public final class PostgresDeployLock implements DeployLock {
    // the two-key form, whose key space is apart from single-key users such as Flyway's migration lock
    private static final int DRYDOCK = 0x44525944;

    private final HikariDataSource pool;
    private final ThreadLocal<Map<UUID, Held>> held = ThreadLocal.withInitial(HashMap::new);
    // deploys wait as long as they must (a rollout ahead of them may be long), as at the database
    private final LocalQueue turns = new LocalQueue(Long.MAX_VALUE);

    // holders of different apps wait here, as long as the rollouts ahead of them take, for one of the
    // pool's connections; the pool's own short timeout then only means the database is unreachable
    private final java.util.concurrent.Semaphore connections;

    public PostgresDeployLock(HikariDataSource pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.connections = new java.util.concurrent.Semaphore(pool.getMaximumPoolSize(), true);
    }

    /** The settings this lock's pool needs on each connection. */
    public static final String CONNECTION_SETUP = "SET synchronous_commit = off";

    @Override
    public <T> T holding(UUID app, Function<Deploys, T> work) {
        Map<UUID, Held> mine = held.get();
        Held already = mine.get(app);
        if (already != null) {
            return work.apply(already);
        }
        Runnable leave = turns.enter(app.toString());
        try {
            try {
                connections.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DrydockException.unavailable("interrupted while waiting for the deploy lock of an app", e);
            }
            try {
                Held holder = new Held(app, lock(app));
                mine.put(app, holder);
                try {
                    return work.apply(holder);
                } finally {
                    mine.remove(app);
                    unlock(holder.connection, app);
                }
            } finally {
                connections.release();
            }
        } finally {
            leave.run();
        }
    }

    @Override
    public void forget(UUID app) {
        Held holder = held.get().get(app);
        if (holder != null) {
            holder.forget();
            return;
        }
        try (Connection connection = pool.getConnection()) {
            delete(connection, app);
        } catch (SQLException e) {
            throw DrydockException.unavailable(Errors.UNAVAILABLE, e);
        }
    }

    /** The lock held, on its connection, and the record read once when first asked. */
    private static final class Held implements Deploys {
        final UUID app;
        final Connection connection;
        private Integer newest;

        Held(UUID app, Connection connection) {
            this.app = app;
            this.connection = connection;
        }

        @Override
        public int newest() {
            if (newest == null) {
                try (PreparedStatement read = connection.prepareStatement(
                        "SELECT newest FROM app_deploys WHERE app_uuid = ?")) {
                    read.setObject(1, app);
                    try (ResultSet rs = read.executeQuery()) {
                        newest = rs.next() ? rs.getInt(1) : 0;
                    }
                } catch (SQLException e) {
                    throw DrydockException.unavailable(Errors.UNAVAILABLE, e);
                }
            }
            return newest;
        }

        @Override
        public void deployed(int version) {
            if (version <= newest()) {
                return;
            }
            try (PreparedStatement write = connection.prepareStatement("INSERT INTO app_deploys (app_uuid, newest) "
                    + "VALUES (?, ?) ON CONFLICT (app_uuid) DO UPDATE SET newest = GREATEST(app_deploys.newest, "
                    + "EXCLUDED.newest)")) {
                write.setObject(1, app);
                write.setInt(2, version);
                write.executeUpdate();
                newest = version;
            } catch (SQLException e) {
                throw DrydockException.unavailable(Errors.UNAVAILABLE, e);
            }
        }

        void forget() {
            try {
                delete(connection, app);
                newest = 0;
            } catch (SQLException e) {
                throw DrydockException.unavailable(Errors.UNAVAILABLE, e);
            }
        }
    }

    private static void delete(Connection connection, UUID app) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM app_deploys WHERE app_uuid = ?")) {
            delete.setObject(1, app);
            delete.executeUpdate();
        }
    }

    private Connection lock(UUID app) {
        Connection connection;
        try {
            connection = pool.getConnection();
        } catch (SQLException e) {
            throw DrydockException.unavailable(Errors.UNAVAILABLE, e);
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            lock.setInt(1, DRYDOCK);
            lock.setInt(2, key(app));
            lock.execute();
            return connection;
        } catch (SQLException e) {
            pool.evictConnection(connection);
            throw DrydockException.unavailable(Errors.UNAVAILABLE, e);
        }
    }

    private void unlock(Connection connection, UUID app) {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, DRYDOCK);
            unlock.setInt(2, key(app));
            unlock.execute();
            connection.close();
        } catch (SQLException e) {
            // a session that cannot unlock is ended: the lock ends with it
            pool.evictConnection(connection);
        }
    }

    // apps whose keys collide only take turns needlessly
    private static int key(UUID app) {
        long bits = app.getMostSignificantBits() ^ app.getLeastSignificantBits();
        return (int) (bits ^ (bits >>> 32));
    }
}
