package dev.roletrail.streams.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class StreamTicksTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long NINE = Instant.parse("2026-10-01T09:00:00Z").toEpochMilli();

    private final StreamTicks hourly = new StreamTicks(Duration.ofHours(1));

    @Test
    void shouldTickOnTheFirstRecordWithTheStartOfItsInterval() {
        assertThat(hourly.advance(NINE + 25 * 60_000)).isTrue();
        assertThat(hourly.tick()).isEqualTo(NINE);
    }

    @Test
    void shouldTickOnceAnIntervalOnlyWhenARecordEntersALaterOne() {
        hourly.advance(NINE + 1);

        assertThat(hourly.advance(NINE + HOUR - 1)).as("the same hour").isFalse();
        assertThat(hourly.advance(NINE - 1)).as("a late record").isFalse();
        assertThat(hourly.advance(NINE + 3 * HOUR + 5)).as("hours skipped tick once, with the record's hour").isTrue();
        assertThat(hourly.tick()).isEqualTo(NINE + 3 * HOUR);
        assertThat(hourly.advance(NINE + 2 * HOUR)).as("behind the last tick").isFalse();
        assertThat(hourly.tick()).isEqualTo(NINE + 3 * HOUR);
    }

    @Test
    void shouldAlignTimesBeforeTheEpochDownwards() {
        assertThat(hourly.advance(-1)).isTrue();
        assertThat(hourly.tick()).isEqualTo(-HOUR);
    }

    @Test
    void shouldRefuseAnIntervalUnderAMillisecond() {
        assertThatThrownBy(() -> new StreamTicks(Duration.ofNanos(10))).isInstanceOf(IllegalArgumentException.class);
    }
}
