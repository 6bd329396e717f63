package dev.drydock.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.contract.AppLogContract;
import dev.drydock.ports.spi.AppLog;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryAppLogTest extends AppLogContract {
    @Override
    protected AppLog appLog() {
        return new InMemoryAppLog();
    }

    @Test
    void keepsOnlyTheNewestThousandLinesPerApp() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 1005; i++) {
            log.record("busy", start.plusSeconds(i), "line " + i);
        }

        List<AppLog.Event> all = log.tail("busy", 5000);

        assertThat(all).hasSize(InMemoryAppLog.MAX_LINES);
        assertThat(all.get(0)).isEqualTo(new AppLog.Event(start.plusSeconds(6), "line 6"));
        assertThat(all.get(all.size() - 1)).isEqualTo(new AppLog.Event(start.plusSeconds(1005), "line 1005"));
    }
}
