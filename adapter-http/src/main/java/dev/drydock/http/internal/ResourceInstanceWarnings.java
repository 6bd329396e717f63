package dev.drydock.http.internal;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Drops one known false warning of Jersey: resources registered as instances are reported as
 * "does not implement any provider interfaces ... will be ignored" although they are served
 * (eclipse-ee4j/jersey#3700). Only that warning, and only for our own classes, is dropped.
 */
public final class ResourceInstanceWarnings {
    private static final String OUR_PACKAGE = "dev.drydock.http.";
    private static final String FALSE_WARNING = "does not implement any provider interfaces";
    // Held strongly: java.util.logging keeps loggers only weakly, and a collected one loses its filter.
    private static final Logger PROVIDERS = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    private ResourceInstanceWarnings() {
    }

    /** Installs the filter once; later calls change nothing. */
    public static synchronized void quiet() {
        Filter existing = PROVIDERS.getFilter();
        if (existing instanceof Quiet) {
            return;
        }
        PROVIDERS.setFilter(new Quiet(existing));
    }

    private record Quiet(Filter next) implements Filter {
        @Override
        public boolean isLoggable(LogRecord record) {
            String message = record.getMessage();
            if (message != null && message.contains(FALSE_WARNING) && message.contains(OUR_PACKAGE)) {
                return false;
            }
            return next == null || next.isLoggable(record);
        }
    }
}
