package dev.drydock.jdbc.internal;

import dev.drydock.ports.spi.AppLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * App event lines in the database, shared by every server and kept across restarts. Each app keeps
 * about its newest {@value #MAX_LINES} lines: now and then a record drops the older ones. Lines
 * keep the order they were recorded in (an identity column), whatever their times.
 */
public final class JdbcAppLog implements AppLog {
    /** How many lines are kept per app; older ones are dropped. */
    public static final int MAX_LINES = 1000;
    // one record in this many prunes, so the cost of pruning is spread thin
    private static final int PRUNE_ONE_IN = 64;

    private final JdbcTransactions tx;

    public JdbcAppLog(JdbcTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void record(String app, Instant at, String message) {
        tx.inWrite(handle -> {
            handle.createUpdate("INSERT INTO app_events (app, at, message) VALUES (:app, :at, :message)")
                    .bind("app", app).bind("at", Sql.at(at)).bind("message", message).execute();
            if (ThreadLocalRandom.current().nextInt(PRUNE_ONE_IN) == 0) {
                // the cut-off first, as a value: a subquery in the DELETE's condition may be read per row
                handle.createQuery("SELECT id FROM app_events WHERE app = :app ORDER BY app DESC, id DESC OFFSET "
                                + MAX_LINES + " ROWS FETCH FIRST 1 ROWS ONLY")
                        .bind("app", app).mapTo(Long.class).findOne()
                        .ifPresent(cutoff -> handle.createUpdate("DELETE FROM app_events WHERE app = :app AND id <= :cutoff")
                                .bind("app", app).bind("cutoff", cutoff).execute());
            }
        });
    }

    @Override
    public List<Event> tail(String app, int lines) {
        if (lines <= 0) {
            return List.of();
        }
        List<Event> newestFirst = tx.read(store -> ((JdbcStore) store).unit().read()
                .createQuery("SELECT at, message FROM app_events WHERE app = :app ORDER BY app DESC, id DESC "
                        + "FETCH FIRST :lines ROWS ONLY")
                .bind("app", app).bind("lines", Math.min(lines, MAX_LINES))
                .map((rs, ctx) -> new Event(Sql.instant(rs, "at"), rs.getString("message"))).list());
        List<Event> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }

    @Override
    public void forget(String app) {
        tx.writeVoid(store -> ((JdbcStore) store).unit().write()
                .createUpdate("DELETE FROM app_events WHERE app = :app").bind("app", app).execute());
    }
}
