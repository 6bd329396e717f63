package dev.drydock.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.contract.AppLogContract;
import dev.drydock.ports.spi.AppLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryAppLogTest extends AppLogContract {
    @Override
    protected AppLog appLog() {
        return new InMemoryAppLog();
    }

    @Test
    void keepsOnlyTheNewestThousandLinesPerApp() {
        for (int i = 1; i <= 1005; i++) {
            log.record("busy", "line " + i);
        }

        List<String> all = log.tail("busy", 5000);

        assertThat(all).hasSize(InMemoryAppLog.MAX_LINES);
        assertThat(all.get(0)).isEqualTo("line 6");
        assertThat(all.get(all.size() - 1)).isEqualTo("line 1005");
    }
}
