package dev.drydock.ports.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The event lines of apps (release summaries, scaling, sharing), as the platform logs them.
 * Recorded inside a write of a {@link Transactions} whose store keeps the log too (a database), a
 * line belongs to that write: it is kept only if the write commits. A log kept apart from the
 * store (in memory) keeps every line it is given.
 */
public interface AppLog {
    /**
     * One event of an app.
     *
     * @param at      when the event happened, as the core's clock read it
     * @param message what happened, e.g. "admin created initial release"
     */
    record Event(Instant at, String message) {
        public Event {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Appends one event line for an app, stamped with the time {@code at} it happened. */
    void record(String app, Instant at, String message);

    /** The last {@code lines} events of an app, oldest first; none when {@code lines} is zero or less. */
    List<Event> tail(String app, int lines);

    /** Drops an app's lines when the app is destroyed. */
    void forget(String app);
}
