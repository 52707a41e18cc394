package dev.roletrail.streams.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class IsoWeekTest {

    @Test
    void shouldSpanMondayToMondayUtc() {
        IsoWeek week = IsoWeek.parse("2026-W47");

        assertThat(week.start()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
        assertThat(week.end()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(week).hasToString("2026-W47");
    }

    @Test
    void shouldFindTheWeekOfAnInstantAcrossTheYearBoundary() {
        assertThat(IsoWeek.of(Instant.parse("2027-01-01T12:00:00Z"))).isEqualTo(new IsoWeek(2026, 53));
        assertThat(new IsoWeek(2027, 1).previous()).isEqualTo(new IsoWeek(2026, 53));
    }

    @Test
    void shouldRejectWeeksThatDoNotExist() {
        assertThrows(IllegalArgumentException.class, () -> IsoWeek.parse("2025-W53"));
        assertThrows(IllegalArgumentException.class, () -> IsoWeek.parse("2026-47"));
        assertThrows(IllegalArgumentException.class, () -> IsoWeek.parse("2026-W00"));
    }
}
