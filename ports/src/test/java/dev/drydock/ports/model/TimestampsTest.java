package dev.drydock.ports.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void writesUtcWholeSeconds() {
        assertThat(Timestamps.format(Instant.parse("2016-06-22T22:24:20.987Z"))).isEqualTo("2016-06-22T22:24:20Z");
        assertThat(Timestamps.format(Instant.parse("2026-01-02T03:04:00Z"))).isEqualTo("2026-01-02T03:04:00Z");
        assertThat(Timestamps.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(Timestamps.format(Instant.parse("0009-12-31T23:59:59Z"))).isEqualTo("0009-12-31T23:59:59Z");
        assertThat(Timestamps.format(null)).isNull();
    }

    @Test
    void agreesWithTheJdkFormatterAcrossTheYears() {
        DateTimeFormatter jdk = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
        SplittableRandom random = new SplittableRandom(7);
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(0, max), random.nextInt(1_000_000_000));
            assertThat(Timestamps.format(t)).isEqualTo(jdk.format(t));
        }
    }

    @Test
    void yearsBeyondFourDigitsStillFormat() {
        assertThat(Timestamps.format(Instant.parse("+12345-01-01T00:00:00Z"))).isEqualTo("+12345-01-01T00:00:00Z");
    }
}
