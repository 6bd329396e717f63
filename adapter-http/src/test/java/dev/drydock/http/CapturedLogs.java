package dev.drydock.http;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What is logged at warn or error while it is open: the libraries' java.util.logging records,
 * and this project's SLF4J lines, which slf4j-simple writes to whatever {@code System.err} is then.
 */
final class CapturedLogs implements AutoCloseable {
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final Logger root = Logger.getLogger("");
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                lines.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    CapturedLogs() {
        root.addHandler(handler);
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                err.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (captured) {
                    captured.write(b, off, len);
                }
                err.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
    }

    /** The warnings and errors: the libraries' records and this project's lines. */
    List<String> loud() {
        List<String> all = new ArrayList<>(lines);
        text().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).forEach(all::add);
        return all;
    }

    /** Every line this project logged through SLF4J meanwhile. */
    List<String> slf4j() {
        return text().lines().toList();
    }

    private String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setErr(err);
        root.removeHandler(handler);
    }
}
