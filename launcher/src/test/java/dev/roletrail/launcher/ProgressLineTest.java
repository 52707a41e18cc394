package dev.roletrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void shouldShowDoneOfTotalRatesAndTimeLeft() {
        var snapshot = new ProgressLine.Snapshot(1_000, 4_000, 10_000_000, 40_000_000, 50_000, 3,
                Duration.ofSeconds(10), 10_000_000, 50_000, false);

        assertThat(ProgressLine.format(snapshot)).isEqualTo("ingest: 1,000/4,000 objects, 50,000/~200,000 records, "
                + "5,000 records/s, 1.0 MB/s, 3 dead letters, ETA 30s");
    }

    @Test
    void shouldSayTheTotalIsALowerBoundWhileCounting() {
        var snapshot = new ProgressLine.Snapshot(10, 300, 1_000, 30_000, 100, 0, Duration.ofSeconds(1), 1_000, 100,
                true);

        assertThat(ProgressLine.format(snapshot)).isEqualTo(
                "ingest: 10/≥300 objects, 100 records, 100 records/s, 0.0 MB/s, ETA ?");
    }

    @Test
    void shouldFormatLongDurations() {
        assertThat(ProgressLine.duration(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(ProgressLine.duration(Duration.ofSeconds(61))).isEqualTo("1m01s");
        assertThat(ProgressLine.duration(Duration.ofMinutes(125))).isEqualTo("2h05m");
    }
}
