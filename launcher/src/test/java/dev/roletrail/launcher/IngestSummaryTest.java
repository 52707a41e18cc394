package dev.roletrail.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.ingest.IngestStats;
import dev.roletrail.ingest.SkipReason;
import dev.roletrail.schemas.deadletter.DeadLetterCategory;

class IngestSummaryTest {

    @Test
    void shouldListDeadLettersByReasonMostFrequentFirst() {
        IngestStats stats = new IngestStats(3, 0, 9, Map.of(DeadLetterCategory.TRUNCATED_GZIP, 5L,
                DeadLetterCategory.NOT_CLOUDTRAIL, 7L));

        assertThat(IngestSummary.line(stats)).isEqualTo(
                "ingest: 3 objects read (0 already done), 9 records, 12 dead letters: 7 not CloudTrail JSON, 5 truncated gzip");
        assertThat(stats.nothingUsable()).isFalse();
    }

    @Test
    void shouldCountTimestampFallbacksAndSkippedRecordsWhenThereAreAny() {
        IngestStats stats = new IngestStats(2, 0, 9, Map.of(), 2, Map.of(SkipReason.INSIGHT, 1L));

        assertThat(IngestSummary.line(stats)).isEqualTo(
                "ingest: 2 objects read (0 already done), 9 records (2 timed by @timestamp), "
                        + "1 skipped: 1 CloudTrail Insights events, 0 dead letters");
    }

    @Test
    void shouldSayWhyNothingWasUsable() {
        IngestStats onlyBad = new IngestStats(1, 0, 0, Map.of(DeadLetterCategory.INVALID_JSON, 2L));

        assertThat(onlyBad.nothingUsable()).isTrue();
        assertThat(IngestSummary.nothingUsable(onlyBad)).isEqualTo(
                "none of the 1 objects read held a usable CloudTrail record (2 dead letters: 2 invalid JSON)");
        assertThat(IngestStats.skipped(4).nothingUsable()).as("a rerun with everything done is fine").isFalse();
    }
}
