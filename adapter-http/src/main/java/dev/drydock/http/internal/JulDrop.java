package dev.drydock.http.internal;

import java.util.function.Predicate;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Drops some records of a java.util.logging logger (the libraries' logging), keeping whatever
 * filter it had for the rest.
 */
final class JulDrop implements Filter {
    private final Predicate<LogRecord> unwanted;
    private final Filter next;

    private JulDrop(Predicate<LogRecord> unwanted, Filter next) {
        this.unwanted = unwanted;
        this.next = next;
    }

    /**
     * Installs the filter; installing the same {@code unwanted} again changes nothing. The logger
     * must be held strongly by the caller: java.util.logging keeps loggers only weakly, and a
     * collected one loses its filter.
     */
    static synchronized void install(Logger logger, Predicate<LogRecord> unwanted) {
        for (Filter f = logger.getFilter(); f instanceof JulDrop drop; f = drop.next) {
            if (drop.unwanted == unwanted) {
                return;
            }
        }
        logger.setFilter(new JulDrop(unwanted, logger.getFilter()));
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        return !unwanted.test(record) && (next == null || next.isLoggable(record));
    }
}
