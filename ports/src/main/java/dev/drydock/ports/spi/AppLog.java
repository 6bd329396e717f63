package dev.drydock.ports.spi;

import java.util.List;

/** The event lines of apps (release summaries, scaling, sharing), as the platform logs them. */
public interface AppLog {
    /** Appends one event line for an app. */
    void record(String app, String message);

    /** The last {@code lines} event lines of an app, oldest first. */
    List<String> tail(String app, int lines);

    /** Drops an app's lines when the app is destroyed. */
    void forget(String app);
}
