package dev.drydock.http.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections accepted past a cap, so that a client holding many cannot bring the process
 * to its limit of open files (where accepting spins and nothing is answered), and says so in the
 * log, at most once a minute.
 */
public final class ConnectionCap extends ConnectionProbe.Adapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCap.class);
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private final int max;
    private final Set<Connection<?>> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final AtomicLong refused = new AtomicLong();

    public ConnectionCap(int max) {
        this.max = max;
    }

    @Override
    public void onAcceptEvent(Connection serverConnection, Connection clientConnection) {
        open.add(clientConnection);
        if (open.size() > max) {
            long count = refused.incrementAndGet();
            clientConnection.closeSilently();
            long last = lastLogged.get();
            long now = System.nanoTime();
            if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
                LOG.warn("{} connections are open, the most allowed: new connections are closed until some close "
                        + "({} closed so far)", max, count);
            }
        }
    }

    @Override
    public void onCloseEvent(Connection connection) {
        open.remove(connection);
    }

    /** Client connections open now. */
    public int open() {
        return open.size();
    }
}
