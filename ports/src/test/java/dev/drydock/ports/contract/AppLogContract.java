package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.now;
import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.AppLog.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link AppLog}. Each test works on its own app name. */
public abstract class AppLogContract {
    protected AppLog log;

    /** The adapter under test. It may return a shared instance: tests keep apart by unique app names. */
    protected abstract AppLog appLog();

    @BeforeEach
    protected final void openLog() {
        log = appLog();
    }

    /** The messages of an app's last {@code lines} events, oldest first. */
    protected final List<String> messages(String app, int lines) {
        return log.tail(app, lines).stream().map(Event::message).toList();
    }

    @Test
    void tailGivesTheLastEventsOldestFirstWithTheirTimes() {
        String app = unique("log");
        List<Event> recorded = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Event event = new Event(now(), "line " + i);
            recorded.add(event);
            log.record(app, event.at(), event.message());
        }

        assertThat(log.tail(app, 3)).containsExactlyElementsOf(recorded.subList(2, 5));
        assertThat(log.tail(app, 100)).containsExactlyElementsOf(recorded);
        assertThat(log.tail(app, 0)).isEmpty();
    }

    @Test
    void eventsKeepTheOrderTheyWereRecordedInEvenWhenTheirTimesAreEqual() {
        String app = unique("log");
        Instant at = now();

        log.record(app, at, "first");
        log.record(app, at, "second");
        log.record(app, at, "third");

        assertThat(log.tail(app, 10)).containsExactly(
                new Event(at, "first"), new Event(at, "second"), new Event(at, "third"));
    }

    @Test
    void appsKeepTheirOwnLines() {
        String one = unique("log");
        String two = unique("log");

        log.record(one, now(), "alice created initial release");
        log.record(two, now(), "bob scaled pods web=3");

        assertThat(messages(one, 10)).containsExactly("alice created initial release");
        assertThat(messages(two, 10)).containsExactly("bob scaled pods web=3");
        assertThat(log.tail(unique("log"), 10)).isEmpty();
    }

    @Test
    void forgetDropsAnAppsLines() {
        String app = unique("log");
        String other = unique("log");
        log.record(app, now(), "old line");
        log.record(other, now(), "kept");

        log.forget(app);

        assertThat(log.tail(app, 10)).isEmpty();
        assertThat(messages(other, 10)).containsExactly("kept");
        log.record(app, now(), "new line");
        assertThat(messages(app, 10)).containsExactly("new line");
    }

    @Test
    void forgettingAnUnknownAppLeavesOtherAppsAlone() {
        String kept = unique("log");
        log.record(kept, now(), "kept");

        log.forget(unique("log"));

        assertThat(messages(kept, 10)).containsExactly("kept");
    }
}
