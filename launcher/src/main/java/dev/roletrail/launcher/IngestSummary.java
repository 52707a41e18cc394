package dev.roletrail.launcher;

import java.util.Map;
import java.util.stream.Collectors;

import dev.roletrail.ingest.IngestStats;
import dev.roletrail.ingest.SkipReason;
import dev.roletrail.schemas.deadletter.DeadLetterCategory;

/**
 * The console's line about an ingest pass: {@code ingest: 3 objects read (0 already done), 9 records (2 timed by
 * @timestamp), 1 skipped: 1 CloudTrail Insights events, 12 dead letters: 7 not CloudTrail JSON, 5 truncated gzip}
 * (fallbacks and skipped records only when there are any).
 */
final class IngestSummary {

    private IngestSummary() {
    }

    static String line(IngestStats stats) {
        return String.format("ingest: %d objects read (%d already done), %d records%s%s, %d dead letters%s",
                stats.objectsRead(), stats.objectsSkipped(), stats.records(), fallbacks(stats), skipped(stats),
                stats.deadLetters(), reasons(stats));
    }

    private static String fallbacks(IngestStats stats) {
        return stats.timestampFallbacks() == 0 ? "" : " (" + stats.timestampFallbacks() + " timed by @timestamp)";
    }

    private static String skipped(IngestStats stats) {
        if (stats.recordsSkipped() == 0) {
            return "";
        }
        return ", " + stats.recordsSkipped() + " skipped: " + stats.skippedByReason().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map((Map.Entry<SkipReason, Long> e) -> e.getValue() + " " + e.getKey().words())
                .collect(Collectors.joining(", "));
    }

    /** Why nothing was usable, for the one-line error of a run that produced no record. */
    static String nothingUsable(IngestStats stats) {
        return "none of the " + stats.objectsRead() + " objects read held a usable CloudTrail record"
                + (stats.deadLetters() == 0 ? " (they held no records)"
                        : " (" + stats.deadLetters() + " dead letters" + reasons(stats) + ")");
    }

    private static String reasons(IngestStats stats) {
        if (stats.deadLetters() == 0) {
            return "";
        }
        return ": " + stats.deadLettersByCount().stream()
                .map((Map.Entry<DeadLetterCategory, Long> e) -> e.getValue() + " " + e.getKey().words())
                .collect(Collectors.joining(", "));
    }
}
