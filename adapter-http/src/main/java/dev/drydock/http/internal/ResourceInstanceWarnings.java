package dev.drydock.http.internal;

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

    private static final java.util.function.Predicate<LogRecord> FALSE = record -> {
        String message = record.getMessage();
        return message != null && message.contains(FALSE_WARNING) && message.contains(OUR_PACKAGE);
    };

    private ResourceInstanceWarnings() {
    }

    /** Installs the filter once; later calls change nothing. */
    public static void quiet() {
        JulDrop.install(PROVIDERS, FALSE);
    }
}
