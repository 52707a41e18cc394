package dev.roletrail.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.report.IsoWeek;

class DataSpanTest {

    private static final DataSpan EARLY = new DataSpan(Instant.parse("2026-11-02T08:00:00Z"),
            Instant.parse("2026-11-04T08:00:00Z"), 10);
    private static final DataSpan LATE = new DataSpan(Instant.parse("2026-11-03T08:00:00Z"),
            Instant.parse("2026-11-18T08:00:00Z"), 5);

    @Test
    void shouldMergeToTheWidestSpanAndAddTheEvents() {
        assertThat(EARLY.merge(LATE)).isEqualTo(new DataSpan(EARLY.first(), LATE.last(), 15));
        assertThat(LATE.merge(EARLY)).isEqualTo(EARLY.merge(LATE));
    }

    @Test
    void shouldOverlapOnlyTheWeeksFromItsFirstToItsLast() {
        DataSpan span = EARLY.merge(LATE);

        assertThat(span.firstWeek()).isEqualTo(IsoWeek.parse("2026-W45"));
        assertThat(span.lastWeek()).isEqualTo(IsoWeek.parse("2026-W47"));
        assertThat(span.overlaps(IsoWeek.parse("2026-W44"))).isFalse();
        assertThat(span.overlaps(IsoWeek.parse("2026-W46"))).isTrue();
        assertThat(span.overlaps(IsoWeek.parse("2026-W48"))).isFalse();
    }

    @Test
    void shouldRejectAnEndBeforeItsStart() {
        assertThrows(IllegalArgumentException.class, () -> new DataSpan(LATE.last(), EARLY.first(), 1));
    }
}
