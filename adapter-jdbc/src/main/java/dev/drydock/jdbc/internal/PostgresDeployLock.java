package dev.drydock.jdbc.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.spi.DeployLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The deploy lock of an app as a PostgreSQL session-level advisory lock, so every server on the
 * database takes turns. A holder keeps a connection of its own pool for as long as it holds the
 * lock (a rollout may take minutes), apart from the pools the store's work uses, so holders never
 * starve that work of connections. If the server dies, its session ends and the lock goes with it.
 * Holders of one server first take turns in this JVM, so a server asks the database for one lock
 * of an app at a time and its waiters hold no connection.
 */
public final class PostgresDeployLock implements DeployLock {
    // the two-key form, whose key space is apart from single-key users such as Flyway's migration lock
    private static final int DRYDOCK = 0x44525944;

    private final HikariDataSource pool;
    private final ThreadLocal<Map<UUID, int[]>> held = ThreadLocal.withInitial(HashMap::new);
    // deploys wait as long as they must (a rollout ahead of them may be long), as at the database
    private final LocalQueue turns = new LocalQueue(Long.MAX_VALUE);

    public PostgresDeployLock(HikariDataSource pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public <T> T holding(UUID app, Supplier<T> work) {
        Map<UUID, int[]> mine = held.get();
        int[] depth = mine.get(app);
        if (depth != null) {
            depth[0]++;
            try {
                return work.get();
            } finally {
                depth[0]--;
            }
        }
        Runnable leave = turns.enter(app.toString());
        try {
            Connection connection = lock(app);
            mine.put(app, new int[] {1});
            try {
                return work.get();
            } finally {
                mine.remove(app);
                unlock(connection, app);
            }
        } finally {
            leave.run();
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
