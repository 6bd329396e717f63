package dev.drydock.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears, on a connection of its own, the notification that every write changing users or tokens
 * sends inside its transaction (PostgreSQL delivers it when that transaction commits), and empties
 * this server's {@link TokenCache}. While the connection is down the cache is off, so no server
 * trusts a cached token that another server may have revoked meanwhile.
 */
public final class PostgresAuthListener implements AutoCloseable {
    /** The channel; a write sends {@code NOTIFY} on it. */
    static final String CHANNEL = "drydock_auth";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresAuthListener.class);
    private static final int POLL_MILLIS = 500;
    private static final long RETRY_MILLIS = 1_000;

    private final Callable<Connection> connect;
    private final TokenCache cache;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    public PostgresAuthListener(Callable<Connection> connect, TokenCache cache) {
        this.connect = connect;
        this.cache = cache;
        this.thread = new Thread(this::listen, "drydock-auth-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        boolean warned = false;
        while (!closed) {
            try (Connection c = connect.call()) {
                connection = c;
                c.setAutoCommit(true);
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                // listening from here on: whatever changed before is not in the cache, which starts empty
                cache.enable(true);
                warned = false;
                while (!closed) {
                    var heard = pg.getNotifications(POLL_MILLIS);
                    if (heard != null && heard.length > 0) {
                        cache.invalidate();
                    }
                }
            } catch (Exception e) {
                cache.enable(false);
                if (closed) {
                    return;
                }
                if (!warned) {
                    LOG.warn("token cache off until the database can be listened to again: {}", e.getMessage());
                    warned = true;
                }
                pause();
            } finally {
                connection = null;
            }
        }
        cache.enable(false);
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        cache.enable(false);
        thread.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing it is what stops the listener
            }
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
