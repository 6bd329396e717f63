package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.spi.AppLog;
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

    @Test
    void tailGivesTheLastLinesOldestFirst() {
        String app = unique("log");
        for (int i = 1; i <= 5; i++) {
            log.record(app, "line " + i);
        }

        assertThat(log.tail(app, 3)).containsExactly("line 3", "line 4", "line 5");
        assertThat(log.tail(app, 100)).containsExactly("line 1", "line 2", "line 3", "line 4", "line 5");
        assertThat(log.tail(app, 0)).isEmpty();
    }

    @Test
    void appsKeepTheirOwnLines() {
        String one = unique("log");
        String two = unique("log");

        log.record(one, "alice created initial release");
        log.record(two, "bob scaled pods web=3");

        assertThat(log.tail(one, 10)).containsExactly("alice created initial release");
        assertThat(log.tail(two, 10)).containsExactly("bob scaled pods web=3");
        assertThat(log.tail(unique("log"), 10)).isEmpty();
    }

    @Test
    void forgetDropsAnAppsLines() {
        String app = unique("log");
        String other = unique("log");
        log.record(app, "old line");
        log.record(other, "kept");

        log.forget(app);

        assertThat(log.tail(app, 10)).isEmpty();
        assertThat(log.tail(other, 10)).containsExactly("kept");
        log.record(app, "new line");
        assertThat(log.tail(app, 10)).containsExactly("new line");
    }

    @Test
    void forgettingAnUnknownAppIsHarmless() {
        log.forget(unique("log"));
    }
}
