package dev.drydock.testing;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the HTTP server's routine lines out of a test's output. Grizzly and Jersey log through
 * java.util.logging, which prints to stderr unless configured: every harness would add "Started
 * listener", "[HttpServer] Started." and, on close, "GRIZZLY0030: Shutting down transport ... in 5
 * SECONDS", which is printed on every graceful stop however quick (the stop does not wait when
 * no request is in flight). Warnings that report a fault still show.
 */
final class QuietServer {
    // held strongly: java.util.logging keeps loggers only weakly, and a collected one loses its level
    private static final List<Logger> CHATTY = List.of(Logger.getLogger("org.glassfish.grizzly"),
            Logger.getLogger("org.glassfish.jersey"));
    private static final Logger SHUTDOWN = Logger.getLogger("org.glassfish.grizzly.nio.GracefulShutdownRunner");
    private static final String SHUTDOWN_NOTICE = "GRIZZLY0030";

    private QuietServer() {
    }

    /** Raises the libraries' level to WARNING unless the test's own logging set one; later calls change nothing. */
    static synchronized void install() {
        for (Logger logger : CHATTY) {
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
        }
        if (!(SHUTDOWN.getFilter() instanceof DropNotice)) {
            SHUTDOWN.setFilter(new DropNotice(SHUTDOWN.getFilter()));
        }
    }

    /** Drops the shutdown notice and keeps "grace period exceeded", which says a request was cut off. */
    private record DropNotice(Filter next) implements Filter {
        @Override
        public boolean isLoggable(LogRecord record) {
            String message = record.getMessage();
            return (message == null || !message.startsWith(SHUTDOWN_NOTICE))
                    && (next == null || next.isLoggable(record));
        }
    }
}
