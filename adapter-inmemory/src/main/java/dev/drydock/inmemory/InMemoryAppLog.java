package dev.drydock.inmemory;

import dev.drydock.ports.spi.AppLog;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** App event lines in memory, the newest {@value #MAX_LINES} per app. Thread-safe. */
public final class InMemoryAppLog implements AppLog {
    /** How many lines are kept per app; older ones are dropped. */
    public static final int MAX_LINES = 1000;

    private final Map<String, ArrayDeque<Event>> lines = new ConcurrentHashMap<>();

    public InMemoryAppLog() {
    }

    @Override
    public void record(String app, Instant at, String message) {
        Event event = new Event(at, message);
        ArrayDeque<Event> log = lines.computeIfAbsent(app, a -> new ArrayDeque<>());
        synchronized (log) {
            log.addLast(event);
            if (log.size() > MAX_LINES) {
                log.removeFirst();
            }
        }
    }

    @Override
    public List<Event> tail(String app, int count) {
        ArrayDeque<Event> log = lines.get(app);
        if (log == null || count <= 0) {
            return List.of();
        }
        synchronized (log) {
            int n = Math.min(count, log.size());
            List<Event> newestFirst = new ArrayList<>(n);
            Iterator<Event> it = log.descendingIterator();
            while (newestFirst.size() < n) {
                newestFirst.add(it.next());
            }
            List<Event> oldestFirst = new ArrayList<>(newestFirst.size());
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                oldestFirst.add(newestFirst.get(i));
            }
            return List.copyOf(oldestFirst);
        }
    }

    @Override
    public void forget(String app) {
        lines.remove(app);
    }
}
