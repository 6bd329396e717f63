package dev.drydock.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.embedded.Drydock;
import dev.drydock.ports.usecase.Registration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's gauges: read when scraped, and a store that is gone never fails a scrape. */
class ServerMetricsTest {
    private static double gauge(ServerMetrics metrics, String name) {
        return metrics.registry().get(name).gauge().value();
    }

    @Test
    void aStoreThatCannotBeReadKeepsTheLastCountsAndTheScrapeSucceeds(@TempDir Path data) {
        try (ServerMetrics metrics = new ServerMetrics(Duration.ZERO)) {
            Drydock drydock = Drydock.h2(data).build();
            metrics.watch(drydock);
            drydock.accounts().register(Optional.empty(), new Registration("ada", "s3cret-pass", "", "", ""));
            assertThat(gauge(metrics, ServerMetrics.USERS)).isEqualTo(1);
            assertThat(gauge(metrics, ServerMetrics.APPS)).isZero();

            drydock.close();

            assertThat(gauge(metrics, ServerMetrics.USERS)).isEqualTo(1);
            assertThat(metrics.scrape()).contains("drydock_users 1.0").contains("drydock_apps 0.0");
        }
    }

    @Test
    void countsNeverReadAreNotANumber(@TempDir Path data) {
        try (ServerMetrics metrics = new ServerMetrics(Duration.ZERO)) {
            Drydock drydock = Drydock.h2(data).build();
            drydock.close();
            metrics.watch(drydock);

            assertThat(gauge(metrics, ServerMetrics.USERS)).isNaN();
            assertThat(metrics.scrape()).contains("drydock_users NaN");
        }
    }

    @Test
    void countsAreReadAgainOnlyOnceTheyAreOld(@TempDir Path data) {
        try (ServerMetrics metrics = new ServerMetrics(Duration.ofHours(1))) {
            try (Drydock drydock = Drydock.h2(data).build()) {
                metrics.watch(drydock);
                assertThat(gauge(metrics, ServerMetrics.USERS)).isZero();
                drydock.accounts().register(Optional.empty(), new Registration("ada", "s3cret-pass", "", "", ""));

                assertThat(gauge(metrics, ServerMetrics.USERS)).isZero();
            }
        }
    }
}
