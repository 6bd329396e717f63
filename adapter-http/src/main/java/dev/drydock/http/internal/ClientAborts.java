package dev.drydock.http.internal;

import java.io.IOException;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client that goes away while its answer is written is the client's doing, not a server fault:
 * Jersey reports it as SEVERE with a stack trace of some 80 lines, so anyone who can open and drop
 * connections could flood the log. That report becomes one short line at debug level; every other
 * error of Jersey's is logged as before.
 */
public final class ClientAborts {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ClientAborts.class);
    // held strongly: java.util.logging keeps loggers only weakly, and a collected one loses its filter
    private static final Logger RESPONDER = Logger.getLogger("org.glassfish.jersey.server.ServerRuntime$Responder");

    private static final java.util.function.Predicate<LogRecord> ABORT = record -> {
        if (!isClientAbort(record.getThrown())) {
            return false;
        }
        LOG.debug("a client went away while its answer was written: {}", record.getThrown().toString());
        return true;
    };

    private ClientAborts() {
    }

    /** Installs the filter once; later calls change nothing. */
    public static void quiet() {
        JulDrop.install(RESPONDER, ABORT);
    }

    static boolean isClientAbort(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
